namespace Kiosk.Edge.Occupancy;

/// <summary>The estimator's timed rules, checked on every <see cref="OccupancyEstimator.Tick"/>.</summary>
internal static class CabinWatch
{
    /// <summary>
    /// The presence sensor has seen nobody for <paramref name="emptyAfter"/> while the count says
    /// people are inside: the cabin is empty (they left uncounted).
    /// </summary>
    public static bool IsEmptyDue(CabinState c, DateTimeOffset now, TimeSpan emptyAfter) =>
        c.HasPresence && !c.Present && c.Count > 0 && now - c.AbsentSince >= emptyAfter;

    /// <summary>
    /// Somebody is inside and nothing has moved for <paramref name="after"/>: a welfare check is due,
    /// at most once per <paramref name="repeat"/>. <paramref name="inactiveSeconds"/> is the time since
    /// the last activity, in whole seconds.
    /// </summary>
    public static bool IsWelfareDue(CabinState c, DateTimeOffset now, TimeSpan after, TimeSpan repeat, out long inactiveSeconds)
    {
        inactiveSeconds = 0;
        if (c.Estimate <= 0 || c.LastActivity is not { } last || now - last < after
            || (c.WelfareRaisedAt is { } at && now - at < repeat))
        {
            return false;
        }

        inactiveSeconds = (long)(now - last).TotalSeconds;
        return true;
    }
}
