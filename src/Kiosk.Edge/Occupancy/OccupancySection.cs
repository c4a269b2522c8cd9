using System.Text.Json.Nodes;
using Kiosk.Edge.Events;

namespace Kiosk.Edge.Occupancy;

/// <summary>The <c>occupancy</c> state section: per cabin count, capacity, full, presence, last activity; the day's visits and holders (never a sub).</summary>
internal static class OccupancySection
{
    public static JsonObject Build(IEnumerable<CabinState> cabins, DayTally day)
    {
        var node = new JsonObject();
        foreach (var c in cabins)
        {
            node[c.Id] = new JsonObject
            {
                ["count"] = c.Estimate,
                ["capacity"] = c.Capacity,
                ["full"] = c.Estimate >= c.Capacity && !c.SeenEmpty,
                ["presence"] = c.HasPresence ? c.Present : null,
                ["lastActivity"] = c.LastActivity is { } t ? KioskEvent.FormatTimestamp(t) : null,
            };
        }

        node["visitsToday"] = day.Visits;
        node["holdersToday"] = day.Holders;
        return node;
    }
}
