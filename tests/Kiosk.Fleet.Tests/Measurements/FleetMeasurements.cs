using System.Net.Http.Json;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.EndToEnd;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Measurements;

/// <summary>
/// The scripted measurement run (tests/Kiosk.Fleet.Tests/measure.sh, not part of the normal suite):
/// events ingested per second per instance into each database, and the command round trip p50/p99
/// against the real local kiosk. Figures go to the file named by FLEET_MEASURE_OUT; nothing here
/// asserts a speed.
/// </summary>
[Trait("Category", "Measurement")]
public abstract class FleetMeasurements(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    private const int Events = 3000;
    private const int Commands = 100;

    [Fact]
    public async Task Measure_IngestRate()
    {
        var fleet = await StartFleetAsync();
        var kiosks = new[] { await ConnectKioskAsync("rate-0001"), await ConnectKioskAsync("rate-0002") };
        var start = DateTimeOffset.UtcNow;
        var t0 = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(kiosks.Select(async k =>
        {
            for (var seq = 1; seq <= Events / kiosks.Length; seq++)
            {
                await k.EventAsync(seq, "door.opened", start.AddMilliseconds(seq), new System.Text.Json.Nodes.JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "w-" + (seq % 50), ["role"] = "worker" });
            }
        }));
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(Ct)).Result >= Events, TimeSpan.FromMinutes(5), $"{Events} events");
        var seconds = TimeProvider.System.GetElapsedTime(t0).TotalSeconds;
        Write($"ingest {Provider}: {Events} events (QoS 1, published back-to-back by 2 kiosks) stored in {seconds:F1} s = {Events / seconds:F0} events/s, one instance");
    }

    [Fact]
    public async Task Measure_CommandRoundTrip()
    {
        var fleet = await StartFleetAsync();
        var id = "rtt-" + Root[1..9];
        await using var kiosk = await StartRealKioskAsync(id);
        var client = await fleet.OperatorAsync();
        await Eventually.TrueAsync(() => client.GetAsync($"/api/kiosks/{id}", Ct).Result.IsSuccessStatusCode, Wait, "kiosk known");
        var times = new List<double>();
        for (var i = 0; i < Commands; i++)
        {
            var t = TimeProvider.System.GetTimestamp();
            var response = await client.PostAsJsonAsync($"/api/kiosks/{id}/commands/lock", new { door = "rest" }, Ct);
            times.Add(TimeProvider.System.GetElapsedTime(t).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        times.Sort();
        Write($"command round trip {Provider} (HTTP -> sign -> MQTT -> real kiosk verifies and locks -> reply -> HTTP 200), {Commands} lock commands: p50 {times[Commands / 2]:F1} ms, p99 {times[(Commands * 99 / 100) - 1]:F1} ms, max {times[^1]:F1} ms");
    }

    private static void Write(string line)
    {
        var path = Environment.GetEnvironmentVariable("FLEET_MEASURE_OUT") ?? Path.Combine(Path.GetTempPath(), "fleet-measure.txt");
        File.AppendAllText(path, line + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}

public sealed class SqliteFleetMeasurements(SharedServers servers) : FleetMeasurements(servers, DatabaseProvider.Sqlite);

public sealed class PostgresFleetMeasurements(SharedServers servers) : FleetMeasurements(servers, DatabaseProvider.Postgres);
