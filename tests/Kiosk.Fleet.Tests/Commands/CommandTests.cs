using System.Net;
using System.Net.Http.Json;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Commands;

/// <summary>Bulk commands and fleet-wide revocation, against scripted kiosks on a real Mosquitto.</summary>
public abstract class CommandTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    [Fact]
    public async Task Bulk_District_ResultPerKiosk()
    {
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Commands:ReplyTimeout"] = "00:00:02" });
        var a = await ConnectKioskAsync("bulk-0001", configure: k => k.District = "TYYZ");
        var b = await ConnectKioskAsync("bulk-0002", configure: k => k.District = "TYYZ");
        var silent = await ConnectKioskAsync("bulk-0003", configure: k => k.District = "TYYZ");
        var other = await ConnectKioskAsync("bulk-0004", configure: k => k.District = "XXXX");
        var client = await fleet.OperatorAsync();
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.CountAsync(k => k.Online, Ct)).Result == 4, Wait, "four kiosks online");
        await silent.DisposeAsync();

        var response = await client.PostAsJsonAsync("/api/commands/announce", new { district = "TYYZ", arguments = new { text = "Hot water is back", priority = "info" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<BulkCommandResponse>(Ct))!;
        Assert.Equal((3, 2), (body.Kiosks, body.Succeeded));
        Assert.Equal(200, body.Results.Single(r => r.Kiosk == a.Id).Status);
        Assert.Equal(200, body.Results.Single(r => r.Kiosk == b.Id).Status);
        Assert.Equal(504, body.Results.Single(r => r.Kiosk == silent.Id).Status);
        Assert.Empty(other.Commands);
        var claims = Assert.Single(a.Commands).Claims;
        Assert.Equal(("announce", "Hot water is back", "operator"), (claims["cmd"]!.GetValue<string>(), claims["text"]!.GetValue<string>(), claims["role"]!.GetValue<string>()));
        Assert.Equal(3, await fleet.DbAsync(db => db.CommandAudits.CountAsync(c => c.Command == "announce", Ct)));
    }

    [Fact]
    public async Task DisableWorker_RevokedFleetWide_AndResentToKioskThatWasOffline()
    {
        var fleet = await StartFleetAsync();
        var online = await ConnectKioskAsync("revoke-0001");
        var away = await ConnectKioskAsync("revoke-0002");
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.CountAsync(k => k.Online, Ct)).Result == 2, Wait, "two kiosks online");
        await away.OfflineAsync(away.Boot, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.CountAsync(k => k.Online, Ct)).Result == 1, Wait, "one kiosk offline");
        var (phone, sub) = await fleet.WorkerAsync("+86 137 0000 0002");
        var admin = await fleet.OperatorAsync();

        var response = await admin.PostAsync($"/api/workers/{sub}/disable", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => online.Commands.Any(c => c.Name == "revoke"), Wait, "revoke to the online kiosk");
        Assert.Equal(sub, online.Commands.Single(c => c.Name == "revoke").Claims["subs"]![0]!.GetValue<string>());
        Assert.DoesNotContain(away.Commands, c => c.Name == "revoke");

        await away.BirthAsync(DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => away.Commands.Any(c => c.Name == "revoke"), Wait, "revoke re-sent when the kiosk came back");
        Assert.Equal(sub, away.Commands.Single(c => c.Name == "revoke").Claims["subs"]![0]!.GetValue<string>());

        // The disabled worker's phone, still signed in, can no longer open anything.
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.PostAsJsonAsync("/api/open", new { kiosk = online.Id }, Ct)).StatusCode);
    }
}

public sealed class SqliteCommandTests(SharedServers servers) : CommandTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresCommandTests(SharedServers servers) : CommandTests(servers, DatabaseProvider.Postgres);
