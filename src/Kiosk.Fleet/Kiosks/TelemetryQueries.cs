using Kiosk.Fleet.Api;
using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// Telemetry series for charts, shared by <c>GET /api/kiosks/{id}/telemetry</c> and the console's kiosk page.
/// Steps of whole minutes read the 1-minute or 1-hour rollups (so months stay cheap after raw samples
/// expire); other steps read the raw samples.
/// </summary>
internal static class TelemetryQueries
{
    /// <summary>
    /// One key over [<paramref name="since"/>, <paramref name="until"/>) per <paramref name="step"/> seconds, oldest first;
    /// buckets without samples are left out.
    /// </summary>
    public static Task<List<TelemetryPoint>> SeriesAsync(FleetDb db, string id, string key, DateTime since, DateTime until, int step, CancellationToken cancellationToken) =>
        step < 60 || step % 60 != 0
            ? FromRawAsync(db, id, key, since, until, step, cancellationToken)
            : FromRollupsAsync(db, id, key, since, until, step, cancellationToken);

    /// <summary>The telemetry keys the kiosk reported since <paramref name="since"/> (from the hourly rollups), sorted ordinally.</summary>
    public static async Task<List<string>> KeysAsync(FleetDb db, string id, DateTime since, CancellationToken cancellationToken)
    {
        var from = TelemetryIngest.Bucket(since, 3600);
        var keys = await db.TelemetryRollups.AsNoTracking()
            .Where(r => r.KioskId == id && r.StepSeconds == 3600 && r.Bucket >= from)
            .Select(r => r.Key).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static async Task<List<TelemetryPoint>> FromRawAsync(FleetDb db, string id, string key, DateTime since, DateTime until, int step, CancellationToken cancellationToken)
    {
        var samples = await db.Telemetry.AsNoTracking()
            .Where(t => t.KioskId == id && t.Key == key && t.Ts >= since && t.Ts < until)
            .Select(t => new { t.Ts, t.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. samples
            .GroupBy(s => TelemetryIngest.Bucket(s.Ts, step))
            .OrderBy(g => g.Key)
            .Select(g => new TelemetryPoint(new DateTimeOffset(g.Key), g.Average(s => s.Value), g.Min(s => s.Value), g.Max(s => s.Value), g.LongCount()))];
    }

    private static async Task<List<TelemetryPoint>> FromRollupsAsync(FleetDb db, string id, string key, DateTime since, DateTime until, int step, CancellationToken cancellationToken)
    {
        var source = step % 3600 == 0 ? 3600 : 60;
        var rollups = await db.TelemetryRollups.AsNoTracking()
            .Where(r => r.KioskId == id && r.Key == key && r.StepSeconds == source && r.Bucket >= TelemetryIngest.Bucket(since, source) && r.Bucket < until)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rollups
            .GroupBy(r => TelemetryIngest.Bucket(r.Bucket, step))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var count = g.Sum(r => r.Count);
                return new TelemetryPoint(new DateTimeOffset(g.Key), g.Sum(r => r.Sum) / count, g.Min(r => r.Min), g.Max(r => r.Max), count);
            })];
    }
}
