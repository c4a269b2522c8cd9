namespace Kiosk.Contract.Events;

/// <summary><c>occupancy.welfare_check</c>: An occupied cabin showed no activity for the welfare time (repeated at an interval).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Count">People inside (estimate).</param>
/// <param name="InactiveFor">Seconds since the last activity.</param>
public sealed record OccupancyWelfareCheck(
    string Cabin,
    int Count,
    long InactiveFor) : KioskEventBody;
