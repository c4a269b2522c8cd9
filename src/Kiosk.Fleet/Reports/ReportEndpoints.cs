using System.Globalization;
using System.Text;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.Fleet.Reports;

/// <summary><c>/api/reports</c>: visits, steward attendance and the monthly station evaluation (JSON, or CSV with <c>Accept: text/csv</c>, or as a CSV file download with <c>?format=csv</c>).</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("reports").RequireAuthorization(FleetRoles.CanView);
        group.MapGet("/visits", VisitsAsync);
        group.MapGet("/attendance", AttendanceAsync);
        group.MapGet("/stations", StationsAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<Results<Ok<List<VisitsRow>>, ValidationProblem>> VisitsAsync(string? from, string? to, FleetDb db, FleetTimeZone zone, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Range(from, to, time, out var start, out var end) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await ReportQueries.VisitsAsync(db, zone, start, end, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<List<AttendanceRow>>, ValidationProblem>> AttendanceAsync(string? from, string? to, FleetDb db, FleetTimeZone zone, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Range(from, to, time, out var start, out var end) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await ReportQueries.AttendanceAsync(db, zone, start, end, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<List<StationEvaluation>>, ContentHttpResult, FileContentHttpResult, ValidationProblem>> StationsAsync(
        string? month, string? format, HttpRequest request, FleetDb db, FleetTimeZone zone, TimeProvider time, CancellationToken cancellationToken)
    {
        if (month is null || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return ApiErrors.BadRequest("month", "is required as YYYY-MM");
        }

        if (format is not (null or "json" or "csv"))
        {
            return ApiErrors.BadRequest("format", "must be json or csv");
        }

        var rows = await ReportQueries.StationsAsync(db, zone, first, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        if (format == "csv")
        {
            // An explicit ?format=csv is the console's export link: a download named after the month.
            return TypedResults.File(Encoding.UTF8.GetBytes(StationCsv.Write(rows)), "text/csv; charset=utf-8", StationCsv.FileName(first));
        }

        var csv = format is null && request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
        return csv ? TypedResults.Text(StationCsv.Write(rows), "text/csv; charset=utf-8") : TypedResults.Ok(rows);
    }

    /// <summary>[from, to) from RFC 3339 parameters; default the last 7 days.</summary>
    private static ValidationProblem? Range(string? from, string? to, TimeProvider time, out DateTime start, out DateTime end)
    {
        start = end = default;
        if (QueryTime.Parse(from, "from", out var f) is { } badFrom)
        {
            return badFrom;
        }

        if (QueryTime.Parse(to, "to", out var t) is { } badTo)
        {
            return badTo;
        }

        end = t ?? time.GetUtcNow().UtcDateTime;
        start = f ?? end.AddDays(-7);
        return start < end ? null : ApiErrors.BadRequest("from", "must be before 'to'");
    }
}
