namespace Kiosk.Edge.Power;

/// <summary>
/// Whether a circuit's relay should feed it, in order: never while locked out, tripped or shed, nor
/// with a sensor fault when its safe state is off; then an operator's on/off; else normally-on, except
/// occupancy followers while the kiosk is saving.
/// </summary>
internal static class RelayPolicy
{
    public static bool WantsOn(Circuit c, bool saving)
    {
        if (c.LockedOut || c.Tripped || c.Shed)
        {
            return false;
        }

        if (c.Fault is not null && c.Options.SafeState == SafeState.Off)
        {
            return false;
        }

        return c.Manual ?? (c.Options.NormallyOn && !(c.Options.FollowsOccupancy && saving));
    }
}
