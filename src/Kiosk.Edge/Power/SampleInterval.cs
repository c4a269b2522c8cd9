namespace Kiosk.Edge.Power;

/// <summary>
/// The time a sample stands for (what energy counting and trip integration multiply by): the time
/// since the previous sample, zero for the first one or when the clock went back, and at most four
/// sample periods, so a stalled loop or a clock jump forward cannot count hours of energy or trip a
/// circuit at once.
/// </summary>
internal static class SampleInterval
{
    /// <summary>The interval in [0, 4 × <paramref name="samplePeriod"/>].</summary>
    public static TimeSpan Since(DateTimeOffset? last, DateTimeOffset now, TimeSpan samplePeriod)
    {
        if (last is not { } previous)
        {
            return TimeSpan.Zero;
        }

        var dt = now - previous;
        var max = 4 * samplePeriod;
        return dt < TimeSpan.Zero ? TimeSpan.Zero : dt > max ? max : dt;
    }
}
