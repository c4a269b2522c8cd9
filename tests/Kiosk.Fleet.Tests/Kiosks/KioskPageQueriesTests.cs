using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Kiosks;

/// <summary>What the console's kiosk page and reports read: filtered events, 24-hour charts, commands with the server-side role check, the CSV download.</summary>
public abstract class KioskPageQueriesTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    [Fact]
    public async Task Events_FilterByDoorAndType_OnlyMatching()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("evq-0001");
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        await kiosk.EventAsync(1, "door.opened", t0, new JsonObject { ["door"] = "rest", ["via"] = "scan" });
        await kiosk.EventAsync(2, "door.opened", t0.AddMinutes(1), new JsonObject { ["door"] = "life", ["via"] = "scan" });
        await kiosk.EventAsync(3, "door.closed", t0.AddMinutes(2), new JsonObject { ["door"] = "life" });
        await kiosk.EventAsync(4, "intercom.help", t0.AddMinutes(3));
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result == 4, Wait, "4 events");

        var viewer = await fleet.UserAsync("viewer");
        var life = (await viewer.GetFromJsonAsync<List<JsonObject>>($"/api/kiosks/{kiosk.Id}/events?door=life", Ct))!;
        Assert.Equal([3L, 2L], life.Select(e => e["seq"]!.GetValue<long>()));
        var lifeOpened = (await viewer.GetFromJsonAsync<List<JsonObject>>($"/api/kiosks/{kiosk.Id}/events?door=life&type=door.opened", Ct))!;
        Assert.Equal(2L, Assert.Single(lifeOpened)["seq"]!.GetValue<long>());

        var since = (await fleet.DbAsync(db => EventQueries.ListAsync(db, kiosk.Id, new EventFilter(Since: t0.AddMinutes(1.5).UtcDateTime), Ct))).Select(e => e.Seq);
        Assert.Equal([4L, 3L], since);
        Assert.Equal(["door.closed", "door.opened", "intercom.help"], await fleet.DbAsync(db => EventQueries.TypesAsync(db, kiosk.Id, Ct)));
    }

    [Fact]
    public async Task Charts_Telemetry_SeriesPerCircuitCabinAndTemperature()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("chart-0001");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        await kiosk.TelemetryAsync(t0, new JsonObject { ["power.outlet.watts"] = 100.0, ["power.total.watts"] = 150.0, ["occupancy.rest.count"] = 2, ["temperature.rest"] = 24.5, ["intercom.queue.length"] = 0 });
        await kiosk.TelemetryAsync(t0.AddHours(1), new JsonObject { ["power.outlet.watts"] = 300.0, ["power.total.watts"] = 350.0, ["occupancy.rest.count"] = 4 });
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Telemetry.CountAsync(t => t.KioskId == kiosk.Id, Ct)).Result == 8, Wait, "8 samples");

        var charts = await fleet.DbAsync(db => KioskCharts.Last24HoursAsync(db, kiosk.Id, DateTime.UtcNow, Ct));

        Assert.Equal(["outlet", "total"], charts.Power.Series.Select(s => s.Label));
        Assert.Equal(2, charts.Power.X.Count);
        Assert.Equal([100.0, 300.0], charts.Power.Series[0].Y);
        Assert.Equal([2.0, 4.0], Assert.Single(charts.Occupancy.Series).Y);
        Assert.Equal([24.5], Assert.Single(charts.Temperature.Series).Y);
        Assert.Equal("°C", charts.Temperature.Unit);
    }

    [Fact]
    public async Task OperatorCommands_Viewer_ForbiddenAndNothingSent()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("opc-0001");
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == kiosk.Id, Ct)).Result, Wait, "kiosk known");
        var commands = fleet.Services.GetRequiredService<OperatorCommands>();
        using var args = JsonDocument.Parse("""{"text":"hello","priority":"info"}""");

        var (viewer, _) = await fleet.PrincipalAsync("viewer");
        var (@operator, _) = await fleet.PrincipalAsync("operator");

        var refused = await commands.SendAsync(viewer, kiosk.Id, "announce", args.RootElement, Ct);

        Assert.Equal(CommandAttemptStatus.Forbidden, refused.Status);
        Assert.Empty(kiosk.Commands);
        Assert.Equal(0, await fleet.DbAsync(db => db.CommandAudits.CountAsync(Ct)));

        var sent = await commands.SendAsync(@operator, kiosk.Id, "announce", args.RootElement, Ct);
        Assert.Equal((CommandAttemptStatus.Sent, CommandStatus.Ok), (sent.Status, sent.Outcome!.Status));
        Assert.Equal("announce", Assert.Single(kiosk.Commands).Name);

        var bad = await commands.SendAsync(@operator, kiosk.Id, "mode", JsonDocument.Parse("""{"door":"attic","mode":"normal"}""").RootElement, Ct);
        Assert.Equal((CommandAttemptStatus.BadArguments, "door"), (bad.Status, bad.Field));
    }

    [Fact]
    public async Task OperatorCommands_RoleRemovedAfterSignIn_ForbiddenAndNothingSent()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("opc-0002");
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == kiosk.Id, Ct)).Result, Wait, "kiosk known");
        var commands = fleet.Services.GetRequiredService<OperatorCommands>();
        using var args = JsonDocument.Parse("""{"door":"rest"}""");
        var (@operator, email) = await fleet.PrincipalAsync("operator");
        await using (var scope = fleet.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SetRoleAsync(email, "viewer"));
        }

        // The principal still says operator (claims copied at sign-in); the account store no longer does.
        Assert.True(@operator.IsInRole("operator"));
        var refused = await commands.SendAsync(@operator, kiosk.Id, "unlock", args.RootElement, Ct);

        Assert.Equal((CommandAttemptStatus.Forbidden, "role"), (refused.Status, refused.Field));
        Assert.Empty(kiosk.Commands);
        Assert.Equal(0, await fleet.DbAsync(db => db.CommandAudits.CountAsync(Ct)));
    }

    [Fact]
    public async Task OperatorCommands_PromotedAfterSignIn_RefusedUntilSignedInAgain()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("opc-0003");
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == kiosk.Id, Ct)).Result, Wait, "kiosk known");
        var commands = fleet.Services.GetRequiredService<OperatorCommands>();
        using var args = JsonDocument.Parse("""{"text":"hello","priority":"info"}""");
        var (viewer, email) = await fleet.PrincipalAsync("viewer");
        await using (var scope = fleet.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SetRoleAsync(email, "operator");
        }

        Assert.Equal(CommandAttemptStatus.Forbidden, (await commands.SendAsync(viewer, kiosk.Id, "announce", args.RootElement, Ct)).Status);
        Assert.Empty(kiosk.Commands);
    }

    [Fact]
    public async Task StationsCsv_FormatCsv_DownloadNamedAfterMonth()
    {
        var fleet = await StartFleetAsync();
        await ConnectKioskAsync("csv-0001");
        var viewer = await fleet.UserAsync("viewer");

        var response = await viewer.GetAsync("/api/reports/stations?month=2026-03&format=csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("stations-2026-03.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith(Kiosk.Fleet.Reports.StationCsv.Header + "\r\n", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteKioskPageQueriesTests(SharedServers servers) : KioskPageQueriesTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresKioskPageQueriesTests(SharedServers servers) : KioskPageQueriesTests(servers, DatabaseProvider.Postgres);
