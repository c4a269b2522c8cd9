using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Reports;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Web.Reports;

/// <summary>The reports page's figures from <see cref="ReportQueries"/> (the same as <c>/api/reports</c>), each call in its own database scope.</summary>
internal sealed class ReportsData(IServiceScopeFactory scopes, FleetTimeZone zone, TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Today in the fleet's time zone.</summary>
    public DateOnly Today => zone.Day(UtcNow);

    /// <summary>Visits per station per day (the fleet's time zone) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<List<VisitsRow>> VisitsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReportQueries.VisitsAsync(Db(scope), zone, Start(from), Start(to), cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<AttendanceRow>> AttendanceAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReportQueries.AttendanceAsync(Db(scope), zone, Start(from), Start(to), cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<StationEvaluation>> EvaluationAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReportQueries.StationsAsync(Db(scope), zone, new DateOnly(month.Year, month.Month, 1), UtcNow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The visits chart: one line per station (its name, else the kiosk id), one point per day with visits, over the days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public ChartData VisitsChart(IEnumerable<VisitsRow> rows, DateOnly from, DateOnly to) =>
        ChartData.Align("visits", rows
            .GroupBy(r => r.Name ?? r.Kiosk, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(r => (new DateTimeOffset(Start(r.Day)), (double)r.Visits)))))
        .Over(new DateTimeOffset(Start(from)), new DateTimeOffset(Start(to)));

    /// <summary>The CSV export link of the monthly evaluation (a download, <c>stations-YYYY-MM.csv</c>).</summary>
    public static string CsvLink(DateOnly month) => $"/api/reports/stations?month={month:yyyy-MM}&format=csv";

    private static FleetDb Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FleetDb>();

    /// <summary>The UTC instant the day begins in the fleet's time zone.</summary>
    private DateTime Start(DateOnly day) => zone.StartUtc(day);
}
