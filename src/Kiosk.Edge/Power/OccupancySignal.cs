namespace Kiosk.Edge.Power;

/// <summary>
/// Whether anyone is in the kiosk, as far as energy saving needs to know. The power guard switches
/// occupancy-following circuits off once <see cref="EmptySince"/> is older than <c>Power:SavingAfter</c>.
/// Replace the registration with the occupancy estimate when it exists.
/// </summary>
internal abstract class OccupancySignal
{
    /// <summary>Since when the kiosk is presumed empty; null while someone is (presumed) inside.</summary>
    public abstract DateTimeOffset? EmptySince { get; }
}
