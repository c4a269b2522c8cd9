using System.Text.RegularExpressions;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// The kiosk page's charts over the last 24 hours, per <see cref="Step"/>: watts per circuit
/// (<c>power.{circuit}.watts</c>, including <c>total</c>), people per cabin (<c>occupancy.{cabin}.count</c>)
/// and temperature per cabin (<c>temperature.{cabin}</c>, also <c>cpu</c>), from the telemetry keys the
/// kiosk reported (docs/power.md, docs/occupancy-intercom.md, docs/climate.md).
/// </summary>
internal static partial class KioskCharts
{
    /// <summary>Five minutes: 288 points a day, read from the 1-minute rollups.</summary>
    public const int Step = 300;

    public static async Task<KioskChartSet> Last24HoursAsync(FleetDb db, string id, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-1);
        var keys = await TelemetryQueries.KeysAsync(db, id, since, cancellationToken).ConfigureAwait(false);
        return new KioskChartSet(
            await ChartAsync(db, id, keys, PowerKey(), "W", since, now, cancellationToken).ConfigureAwait(false),
            await ChartAsync(db, id, keys, OccupancyKey(), "people", since, now, cancellationToken).ConfigureAwait(false),
            await ChartAsync(db, id, keys, TemperatureKey(), "°C", since, now, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<ChartData> ChartAsync(FleetDb db, string id, IEnumerable<string> keys, Regex pattern, string unit, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var series = new List<(string, IEnumerable<(DateTimeOffset, double)>)>();
        foreach (var key in keys)
        {
            if (pattern.Match(key) is { Success: true } m)
            {
                var points = await TelemetryQueries.SeriesAsync(db, id, key, since, until, Step, cancellationToken).ConfigureAwait(false);
                series.Add((m.Groups[1].Value, points.Select(p => (p.T, p.Avg))));
            }
        }

        return ChartData.Align(unit, series).Over(new DateTimeOffset(since, TimeSpan.Zero), new DateTimeOffset(until, TimeSpan.Zero));
    }

    [GeneratedRegex(@"^power\.([a-z0-9_-]+)\.watts$", RegexOptions.CultureInvariant)]
    private static partial Regex PowerKey();

    [GeneratedRegex(@"^occupancy\.([a-z0-9_-]+)\.count$", RegexOptions.CultureInvariant)]
    private static partial Regex OccupancyKey();

    [GeneratedRegex(@"^temperature\.([a-z0-9_-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TemperatureKey();
}

/// <summary>The three charts of the kiosk page; a chart without data has no x values.</summary>
internal sealed record KioskChartSet(ChartData Power, ChartData Occupancy, ChartData Temperature);
