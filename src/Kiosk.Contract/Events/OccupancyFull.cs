namespace Kiosk.Contract.Events;

/// <summary><c>occupancy.full</c>: A cabin reached its capacity (raised once until it drops below).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Count">People inside (estimate).</param>
/// <param name="Capacity">The cabin's capacity.</param>
public sealed record OccupancyFull(
    string Cabin,
    int Count,
    int Capacity) : KioskEventBody;
