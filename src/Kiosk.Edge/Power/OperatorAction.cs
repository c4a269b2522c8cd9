using Kiosk.Contract.Events;

namespace Kiosk.Edge.Power;

/// <summary>
/// An operator's <c>power</c> command on one circuit (the relays are switched afterwards by
/// <see cref="RelayPolicy"/>):
/// <list type="bullet">
/// <item>on/off: the operator's decision overrides NormallyOn and saving (not the protection);
/// recorded as <c>power.switched</c>.</item>
/// <item>reset: clears trip, lockout, trip history and sensor fault; recorded as
/// <c>power.restored</c> (reason <c>reset</c>) only when the protection was what kept the circuit off.</item>
/// </list>
/// </summary>
internal static class OperatorAction
{
    /// <summary>Applies the action to the circuit; returns the event to record, or null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An action outside <see cref="PowerAction"/>.</exception>
    public static KioskEventBody? Apply(Circuit c, PowerAction action, bool saving, string via, string? sub)
    {
        switch (action)
        {
            case PowerAction.On or PowerAction.Off:
                c.Manual = action == PowerAction.On;
                return new PowerSwitched(c.Id, action == PowerAction.On, via, sub);
            case PowerAction.Reset:
                var blocked = !RelayPolicy.WantsOn(c, saving) && (c.Tripped || c.LockedOut || c.Fault is not null);
                c.ResetProtection();
                return blocked ? new PowerRestored(c.Id, "reset", via, sub) : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
