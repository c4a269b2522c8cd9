using System.Globalization;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// <c>GET /api/kiosks/{id}/telemetry?key=&amp;from=&amp;to=&amp;step=</c>: one key aggregated per
/// <c>step</c> seconds (default: 60 up to a day, else 3600). Steps of a minute or more read the
/// rollups, so a chart over months stays cheap after the raw samples expire.
/// </summary>
internal static class TelemetryEndpoint
{
    private const int MaxPoints = 5000;

    public static async Task<Results<Ok<TelemetrySeries>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? key, string? from, string? to, string? step, FleetDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Kiosks.AnyAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiErrors.NotFound("id", $"kiosk '{id}' is unknown");
        }

        if (string.IsNullOrEmpty(key))
        {
            return ApiErrors.BadRequest("key", "is required (a telemetry key such as power.heater)");
        }

        if (QueryTime.Parse(from, "from", out var start) is { } badFrom)
        {
            return badFrom;
        }

        if (QueryTime.Parse(to, "to", out var end) is { } badTo)
        {
            return badTo;
        }

        var until = end ?? time.GetUtcNow().UtcDateTime;
        var since = start ?? until.AddDays(-1);
        if (since >= until)
        {
            return ApiErrors.BadRequest("from", "must be before 'to'");
        }

        var seconds = (until - since).TotalDays <= 1 ? 60 : 3600;
        if (step is not null && !(int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds is >= 1 and <= 31 * 86400))
        {
            return ApiErrors.BadRequest("step", "must be a whole number of seconds from 1 to 2678400");
        }

        if ((until - since).TotalSeconds / seconds > MaxPoints)
        {
            return ApiErrors.BadRequest("step", $"gives more than {MaxPoints} points for this range; use a larger step");
        }

        var points = seconds < 60 || seconds % 60 != 0
            ? await FromRawAsync(db, id, key, since, until, seconds, cancellationToken).ConfigureAwait(false)
            : await FromRollupsAsync(db, id, key, since, until, seconds, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new TelemetrySeries(id, key, seconds, points));
    }

    private static async Task<List<TelemetryPoint>> FromRawAsync(FleetDb db, string id, string key, DateTime since, DateTime until, int step, CancellationToken cancellationToken)
    {
        var samples = await db.Telemetry.AsNoTracking()
            .Where(t => t.KioskId == id && t.Key == key && t.Ts >= since && t.Ts < until)
            .Select(t => new { t.Ts, t.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. samples
            .GroupBy(s => Ingest.TelemetryIngest.Bucket(s.Ts, step))
            .OrderBy(g => g.Key)
            .Select(g => new TelemetryPoint(new DateTimeOffset(g.Key), g.Average(s => s.Value), g.Min(s => s.Value), g.Max(s => s.Value), g.LongCount()))];
    }

    private static async Task<List<TelemetryPoint>> FromRollupsAsync(FleetDb db, string id, string key, DateTime since, DateTime until, int step, CancellationToken cancellationToken)
    {
        var source = step % 3600 == 0 ? 3600 : 60;
        var rollups = await db.TelemetryRollups.AsNoTracking()
            .Where(r => r.KioskId == id && r.Key == key && r.StepSeconds == source && r.Bucket >= Ingest.TelemetryIngest.Bucket(since, source) && r.Bucket < until)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rollups
            .GroupBy(r => Ingest.TelemetryIngest.Bucket(r.Bucket, step))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var count = g.Sum(r => r.Count);
                return new TelemetryPoint(new DateTimeOffset(g.Key), g.Sum(r => r.Sum) / count, g.Min(r => r.Min), g.Max(r => r.Max), count);
            })];
    }
}
