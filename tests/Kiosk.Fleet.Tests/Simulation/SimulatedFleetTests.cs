using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Simulation;

/// <summary>
/// The Development fleet (<c>Fleet:Simulator:Enabled</c>, on in appsettings.Development.json): the service starts the
/// 20 simulated Yingze kiosks on its own broker (here the test's Mosquitto), trusting its signing key.
/// </summary>
public sealed class SimulatedFleetTests(SharedServers servers) : FleetTestBase(servers, DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Start_SimulatorEnabled_TwentyYingzeStationsOnlineAndAnswerAnUnlock()
    {
        // Development's own setting, which the test harness otherwise turns off; Count, Seed and IdPrefix as shipped.
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Simulator:Enabled"] = "true" });
        var expected = Enumerable.Range(1, 20).Select(i => $"tyyz-{i:0000}").ToHashSet(StringComparer.Ordinal);

        // Each came online (its birth is stored): a link the simulator drops now and then may be down at any one moment.
        await Eventually.TrueAsync(
            () => fleet.DbAsync(db => db.StatusChanges.Where(s => s.Online).Select(s => s.KioskId).Distinct().ToListAsync(Ct)).Result.ToHashSet().SetEquals(expected),
            TimeSpan.FromSeconds(120),
            "the 20 simulated stations online");
        var kiosks = await fleet.DbAsync(db => db.Kiosks.ToListAsync(Ct));
        Assert.Equal(expected, kiosks.Select(k => k.Id).ToHashSet());
        Assert.All(kiosks, k => Assert.Equal("TYYZ", k.District));

        var online = await fleet.DbAsync(db => db.Kiosks.Where(k => k.Online).OrderBy(k => k.Id).Select(k => k.Id).FirstAsync(Ct));
        var client = await fleet.OperatorAsync();
        var unlock = await client.PostAsJsonAsync($"/api/kiosks/{online}/commands/unlock", new { door = "rest" }, Ct);

        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        var reply = (await unlock.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("ok", (await fleet.DbAsync(db => db.CommandAudits.SingleAsync(c => c.KioskId == online, Ct))).Outcome);
    }
}
