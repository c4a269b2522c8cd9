using Kiosk.Contract.Events;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Changes a cabin's count: kept within 0..MaxCount, every entry counted as a visit of the day, and
/// <c>occupancy.full</c> raised once per stretch at capacity (again only after the estimate went
/// below capacity). Not thread-safe: the estimator calls it under its lock.
/// </summary>
internal static class CabinCount
{
    /// <summary>Adds <paramref name="delta"/> people (negative: they left); each one in is a visit.</summary>
    public static void Enter(CabinState c, int delta, int maxCount, DayTally day, List<KioskEventBody> raised)
    {
        for (var i = 0; i < delta; i++)
        {
            day.Visit();
        }

        if (delta != 0)
        {
            Set(c, c.Count + delta, maxCount, raised);
        }
    }

    /// <summary>Sets the count, clamped to 0..<paramref name="maxCount"/>, and updates the full alarm.</summary>
    public static void Set(CabinState c, int count, int maxCount, List<KioskEventBody> raised)
    {
        c.Count = Math.Clamp(count, 0, maxCount);
        UpdateFull(c, raised);
    }

    /// <summary>Raises <c>occupancy.full</c> when the estimate reaches capacity for the first time since it was below.</summary>
    public static void UpdateFull(CabinState c, List<KioskEventBody> raised)
    {
        if (c.Estimate < c.Capacity)
        {
            c.FullRaised = false;
        }
        else if (!c.FullRaised)
        {
            c.FullRaised = true;
            raised.Add(new OccupancyFull(c.Id, c.Estimate, c.Capacity));
        }
    }

    /// <summary>
    /// A pass for the cabin is denied with <c>full</c>: at capacity, unless the presence sensor sees
    /// nobody and the door has not opened since (<see cref="CabinState.SeenEmpty"/>).
    /// </summary>
    public static bool IsFull(CabinState c) => c.Estimate >= c.Capacity && !c.SeenEmpty;
}
