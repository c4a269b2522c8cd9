using System.Globalization;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// <c>GET /api/kiosks/{id}/telemetry?key=&amp;from=&amp;to=&amp;step=</c>: one key aggregated per
/// <c>step</c> seconds (default: 60 up to a day, else 3600); the series comes from <see cref="TelemetryQueries"/>.
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

        var points = await TelemetryQueries.SeriesAsync(db, id, key, since, until, seconds, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new TelemetrySeries(id, key, seconds, points));
    }
}
