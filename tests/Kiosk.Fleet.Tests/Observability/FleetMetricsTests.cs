using System.Diagnostics.Metrics;
using System.Globalization;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Kiosk.Fleet.Tests.Observability;

/// <summary>The ingest lag the scale script reads: event ts to commit, recorded and exported at /metrics.</summary>
public sealed class FleetMetricsTests(SharedServers servers) : FleetTestBase(servers, DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task EventLag_EventCommitted_RecordedFromItsTsAndExported()
    {
        var fleet = await StartFleetAsync();
        using var lag = new MetricCollector<double>(fleet.Services.GetRequiredService<IMeterFactory>(), FleetMetrics.MeterName, "ingest_event_lag");
        var kiosk = await ConnectKioskAsync("lag-0001");
        // Stamped 30 s in the past: the lag recorded covers at least that.
        var ts = DateTimeOffset.UtcNow.AddSeconds(-30);
        await kiosk.EventAsync(1, "door.closed", ts);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.AnyAsync(e => e.KioskId == kiosk.Id)).Result, Wait, "event stored");
        await lag.WaitForMeasurementsAsync(1, Wait);

        var seconds = Assert.Single(lag.GetMeasurementSnapshot()).Value;
        Assert.InRange(seconds, 30, 30 + Wait.TotalSeconds);
        var metrics = await fleet.Http.GetStringAsync("/metrics", Ct);
        var line = Assert.Single(metrics.Split('\n'), l => l.StartsWith("kiosk_fleet_ingest_event_lag", StringComparison.Ordinal) && l.Contains("_count", StringComparison.Ordinal));
        Assert.True(double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) >= 1, line);
        // The fine buckets (1 ms × 1.25ⁿ), not prometheus-net's default doubling from 10 ms.
        Assert.Contains("le=\"0.001\"", metrics, StringComparison.Ordinal);
    }
}
