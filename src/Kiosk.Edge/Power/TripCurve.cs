namespace Kiosk.Edge.Power;

/// <summary>
/// Inverse-time trip characteristic: how long a circuit may draw a given multiple of its limit.
/// Between points the time is interpolated log-log (straight lines on a breaker's log-log chart;
/// towards a last point of 0 s, linearly in log ratio);
/// above the last point the last point's time applies; below the first point it never trips.
/// </summary>
internal sealed class TripCurve
{
    public static readonly IReadOnlyList<TripPointOptions> Default =
    [
        new() { Percent = 110, After = TimeSpan.FromSeconds(30) },
        new() { Percent = 150, After = TimeSpan.FromSeconds(2) },
        new() { Percent = 200, After = TimeSpan.FromSeconds(0.5) },
    ];

    private readonly double[] _ratios;
    private readonly double[] _seconds;

    public TripCurve(IReadOnlyList<TripPointOptions> points)
    {
        if (points.Count == 0)
        {
            points = Default;
        }

        var sorted = points.OrderBy(p => p.Percent).ToArray();
        _ratios = [.. sorted.Select(p => p.Percent / 100)];
        _seconds = [.. sorted.Select(p => p.After.TotalSeconds)];
    }

    /// <summary>The ratio (draw / limit) below which nothing trips.</summary>
    public double Threshold => _ratios[0];

    /// <summary>How long <paramref name="ratio"/> x limit may last; null when it never trips.</summary>
    public TimeSpan? TripTime(double ratio)
    {
        if (double.IsNaN(ratio) || ratio < _ratios[0])
        {
            return null;
        }

        if (ratio >= _ratios[^1])
        {
            return TimeSpan.FromSeconds(_seconds[^1]);
        }

        var i = Array.FindLastIndex(_ratios, r => r <= ratio);
        var (r0, r1, t0, t1) = (_ratios[i], _ratios[i + 1], _seconds[i], _seconds[i + 1]);
        var f = Math.Log(ratio / r0) / Math.Log(r1 / r0);
        // The times fall strictly from point to point (PowerOptionsChecks), so t0 > t1 >= 0: only a last
        // point of 0 s has no logarithm, and towards it the time falls linearly in log ratio.
        var seconds = t1 > 0
            ? Math.Exp(Math.Log(t0) + (f * Math.Log(t1 / t0)))
            : t0 + (f * (t1 - t0));
        return TimeSpan.FromSeconds(seconds);
    }
}
