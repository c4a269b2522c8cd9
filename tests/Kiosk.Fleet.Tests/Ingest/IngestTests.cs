using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Ingest;

/// <summary>Ingest from a scripted kiosk through a real Mosquitto into each database.</summary>
public abstract class IngestTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    [Fact]
    public async Task Events_DeliveredTwice_StoredOnce()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("dedup-0001");
        var now = DateTimeOffset.UtcNow;
        for (var seq = 1; seq <= 5; seq++)
        {
            await kiosk.EventAsync(seq, "door.closed", now.AddSeconds(seq), new JsonObject { ["door"] = "rest" });
        }

        // The same events again (a kiosk resending after a lost PUBACK, or a broker redelivery).
        for (var seq = 1; seq <= 5; seq++)
        {
            await kiosk.EventAsync(seq, "door.closed", now.AddSeconds(seq), new JsonObject { ["door"] = "rest" });
        }

        await kiosk.EventAsync(6, "system.started", now.AddSeconds(6));
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.AnyAsync(e => e.KioskId == kiosk.Id && e.Seq == 6)).Result, Wait, "event 6");
        Assert.Equal(6, await fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id)));
    }

    [Fact]
    public async Task Seq_GapNotFilled_RaisesDataGapAlarm()
    {
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Alarms:GapGrace"] = "00:00:00" });
        var kiosk = await ConnectKioskAsync("gap-0001");
        var now = DateTimeOffset.UtcNow;
        foreach (var seq in new[] { 1, 2, 3, 7 })
        {
            await kiosk.EventAsync(seq, "door.closed", now.AddSeconds(seq));
        }

        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.AnyAsync(e => e.KioskId == kiosk.Id && e.Seq == 7)).Result, Wait, "event 7");
        await fleet.Services.GetRequiredService<AlarmWatcher>().CheckAsync(CancellationToken.None);

        var alarm = Assert.Single(await fleet.DbAsync(db => db.Alarms.Where(a => a.KioskId == kiosk.Id && a.Type == AlarmRules.DataGap).ToListAsync()));
        Assert.Equal("seq 4-6: 3 missing", alarm.Detail);
    }

    [Fact]
    public async Task Seq_ReorderedWithinGrace_NoAlarm()
    {
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Alarms:GapGrace"] = "00:00:00" });
        var kiosk = await ConnectKioskAsync("reorder-0001");
        var now = DateTimeOffset.UtcNow;
        foreach (var seq in new[] { 1, 3, 2 })
        {
            await kiosk.EventAsync(seq, "door.closed", now.AddSeconds(seq));
        }

        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id)).Result == 3, Wait, "three events");
        await fleet.Services.GetRequiredService<AlarmWatcher>().CheckAsync(CancellationToken.None);
        Assert.False(await fleet.DbAsync(db => db.Alarms.AnyAsync(a => a.KioskId == kiosk.Id)));
    }

    [Fact]
    public async Task Epoch_Changed_SeqRestartsWithoutGapAndRevocationsAreResent()
    {
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Alarms:GapGrace"] = "00:00:00" });
        var kiosk = await ConnectKioskAsync("rebuilt-0001");
        var now = DateTimeOffset.UtcNow;
        for (var seq = 1; seq <= 40; seq++)
        {
            await kiosk.EventAsync(seq, "door.closed", now.AddSeconds(seq));
        }

        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id)).Result == 40, Wait, "40 events");
        await using (var scope = fleet.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kiosk.Fleet.Storage.FleetDb>();
            db.Revocations.Add(new Kiosk.Fleet.Storage.Revocation { Sub = "w-revoked-1", Created = now.UtcDateTime, By = "test" });
            await db.SaveChangesAsync(Ct);
            await db.Kiosks.Where(k => k.Id == kiosk.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevocationsDelivered, 1000), Ct);
        }

        // New SD card: a new epoch, seq and boot from the start.
        kiosk.Epoch = "epoch-2";
        kiosk.Boot = 1;
        await kiosk.BirthAsync(now.AddMinutes(5));
        await kiosk.EventAsync(1, "system.started", now.AddMinutes(5));
        await kiosk.EventAsync(2, "door.closed", now.AddMinutes(5).AddSeconds(1));

        await Eventually.TrueAsync(() => kiosk.Commands.Any(c => c.Name == "revoke"), Wait, "revocations re-sent to the rebuilt kiosk");
        var revoke = kiosk.Commands.First(c => c.Name == "revoke").Claims;
        Assert.Equal(["w-revoked-1"], revoke["subs"]!.AsArray().Select(s => s!.GetValue<string>()));
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id)).Result == 42, Wait, "42 events");
        await fleet.Services.GetRequiredService<AlarmWatcher>().CheckAsync(CancellationToken.None);
        Assert.False(await fleet.DbAsync(db => db.Alarms.AnyAsync(a => a.KioskId == kiosk.Id && a.Type == AlarmRules.DataGap)));
        Assert.Equal("epoch-2", await fleet.DbAsync(db => db.Kiosks.Where(k => k.Id == kiosk.Id).Select(k => k.Epoch).FirstAsync()));
    }

    [Fact]
    public async Task Status_WillFromOlderBoot_IgnoredButOwnWillTakesKioskOffline()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("boots-0001", configure: k => k.Boot = 7);
        var viewer = await fleet.UserAsync("viewer");
        await Eventually.TrueAsync(() => Online(viewer, kiosk.Id).Result == true, Wait, "online after birth");

        await kiosk.OfflineAsync(boot: 6, DateTimeOffset.UtcNow);
        await kiosk.EventAsync(1, "system.started", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.AnyAsync(e => e.KioskId == kiosk.Id)).Result, Wait, "the event after the stale will");
        Assert.True(await Online(viewer, kiosk.Id));

        await kiosk.CrashAsync();
        await Eventually.TrueAsync(() => Online(viewer, kiosk.Id).Result == false, Wait, "offline after the will of boot 7");
    }

    [Fact]
    public async Task Telemetry_Published_StoredRawAndAsSeries()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("telemetry-0001");
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, DateTimeOffset.UtcNow.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        for (var i = 0; i < 6; i++)
        {
            await kiosk.TelemetryAsync(start.AddSeconds(20 * i), new JsonObject { ["power.heater"] = 100 * (i + 1), ["occupancy.rest"] = i });
        }

        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Telemetry.CountAsync(t => t.KioskId == kiosk.Id)).Result == 12, Wait, "12 samples");
        var viewer = await fleet.UserAsync("viewer");
        var series = await viewer.GetFromJsonAsync<TelemetrySeries>($"/api/kiosks/{kiosk.Id}/telemetry?key=power.heater&from={TestKiosk.Ts(start)}&to={TestKiosk.Ts(start.AddHours(1))}&step=60", Ct);
        Assert.Equal(2, series!.Points.Count);
        Assert.Equal(200, series.Points[0].Avg);
        Assert.Equal(3, series.Points[0].Count);
        Assert.Equal(600, series.Points[1].Max);
        var hourly = await viewer.GetFromJsonAsync<TelemetrySeries>($"/api/kiosks/{kiosk.Id}/telemetry?key=power.heater&from={TestKiosk.Ts(start)}&to={TestKiosk.Ts(start.AddHours(2))}&step=3600", Ct);
        Assert.Equal(350, Assert.Single(hourly!.Points).Avg);
    }

    private static async Task<bool?> Online(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/kiosks/{id}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["kiosk"]!["online"]!.GetValue<bool>() : null;
    }
}

public sealed class SqliteIngestTests(SharedServers servers) : IngestTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresIngestTests(SharedServers servers) : IngestTests(servers, DatabaseProvider.Postgres);
