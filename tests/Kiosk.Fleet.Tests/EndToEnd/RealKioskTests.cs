using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.EndToEnd;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.EndToEnd;

/// <summary>
/// The real kiosk service process (simulated board) and the fleet on one real Mosquitto: ingest of
/// birth, state, telemetry, events and the will; an operator's command round trip; the phone flow
/// opening the real door.
/// </summary>
public abstract class RealKioskTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    [Fact]
    public async Task RealKiosk_IngestCommandPhoneFlowAndWill_ThroughTheFleet()
    {
        var fleet = await StartFleetAsync();
        var id = "e2e-" + Root[1..9];
        await using var kiosk = await StartRealKioskAsync(id, new Dictionary<string, string> { ["Mqtt:Telemetry:Period"] = "00:00:01" });
        var operatorClient = await fleet.OperatorAsync();

        // Birth and retained state.
        JsonObject detail;
        try
        {
            detail = await Eventually.WaitAsync(async () =>
            {
                var r = await operatorClient.GetAsync($"/api/kiosks/{id}", Ct);
                var o = r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonObject>(Ct) : null;
                return o?["kiosk"]?["online"]?.GetValue<bool>() == true && o["state"] is not null ? o : null;
            }, Wait, "the kiosk online with its state");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nkiosk:\n{kiosk.Output}\nfleet:\n{string.Join('\n', fleet.Logs.GetSnapshot().Select(r => r.Message))}", e);
        }

        Assert.Equal("Demo rest station", detail["kiosk"]!["station"]!["name"]!.GetValue<string>());
        Assert.Equal("locked", detail["kiosk"]!["doors"]!["rest"]!["lock"]!.GetValue<string>());

        // Events and telemetry.
        await Eventually.TrueAsync(() => Events(operatorClient, id, "system.started").Result.Count == 1, Wait, "system.started");
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Telemetry.AnyAsync(t => t.KioskId == id)).Result, Wait, "telemetry samples");

        // An operator's command: signed by the fleet, verified and executed by the kiosk, reply relayed.
        var unlock = await operatorClient.PostAsJsonAsync($"/api/kiosks/{id}/commands/unlock", new { door = "rest" }, Ct);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.True((await unlock.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ok"]!.GetValue<bool>());
        var operatorId = await fleet.DbAsync(db => db.Users.Where(u => u.Email == Accounts.AccountSeeder.DemoEmail).Select(u => u.Id).FirstAsync(Ct));
        await Eventually.TrueAsync(() => Events(operatorClient, id, "door.opened").Result.Any(e => e["sub"]?.GetValue<string>() == operatorId && e["via"]!.GetValue<string>() == "remote"), Wait, "door.opened by the operator");
        var audit = await fleet.DbAsync(db => db.CommandAudits.SingleAsync(a => a.KioskId == id && a.Command == "unlock", Ct));
        Assert.Equal(("ok", operatorId), (audit.Outcome, audit.Actor));

        // A kiosk's refusal comes back as 409 with its reason.
        var refused = await operatorClient.PostAsJsonAsync($"/api/kiosks/{id}/commands/power", new { circuit = "no-such-circuit", action = "off" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // The phone flow: a worker signs in with the Development code and opens the life cabin.
        var (phone, sub) = await fleet.WorkerAsync("+86 139 0000 0001");
        var open = await phone.PostAsJsonAsync("/api/open", new { kiosk = id, door = "life" }, Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await Eventually.TrueAsync(() => Events(operatorClient, id, "door.opened").Result.Any(e => e["sub"]?.GetValue<string>() == sub && e["door"]!.GetValue<string>() == "life"), Wait, "door.opened by the worker");
        var status = await kiosk.CtlAsync("status", "--json");
        Assert.Equal(0, status.ExitCode);

        // The will: the kiosk dies, the broker tells the fleet.
        await kiosk.KillAsync();
        await Eventually.TrueAsync(() =>
        {
            var o = operatorClient.GetFromJsonAsync<JsonObject>($"/api/kiosks/{id}", Ct).Result;
            return o!["kiosk"]!["online"]!.GetValue<bool>() == false;
        }, TimeSpan.FromSeconds(60), "offline after the will");
    }

    private static async Task<List<JsonObject>> Events(HttpClient client, string id, string type) =>
        [.. (await client.GetFromJsonAsync<JsonArray>($"/api/kiosks/{id}/events?type={type}", Ct))!.Select(e => e!.AsObject())];
}

public sealed class SqliteRealKioskTests(SharedServers servers) : RealKioskTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresRealKioskTests(SharedServers servers) : RealKioskTests(servers, DatabaseProvider.Postgres);
