using Kiosk.Contract.State;

namespace Kiosk.Edge.Occupancy;

/// <summary>The <c>occupancy</c> state section: per cabin count, capacity, full, presence, last activity; the day's visits and holders (never a sub).</summary>
internal static class OccupancySection
{
    public static OccupancyState Build(IEnumerable<CabinState> cabins, DayTally day)
    {
        var byCabin = new Dictionary<string, CabinOccupancy>(StringComparer.Ordinal);
        foreach (var c in cabins)
        {
            byCabin[c.Id] = new CabinOccupancy(
                c.Estimate, c.Capacity, c.Estimate >= c.Capacity && !c.SeenEmpty, c.HasPresence ? c.Present : null, c.LastActivity);
        }

        return new OccupancyState(byCabin, day.Visits, day.Holders);
    }
}
