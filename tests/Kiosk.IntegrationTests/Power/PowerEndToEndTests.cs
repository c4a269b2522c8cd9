using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Power;
using Kiosk.IntegrationTests.Infrastructure;
using Kiosk.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.IntegrationTests.Power;

/// <summary>
/// The power guard on the simulated board, linked to a real Mosquitto: a 2 kW heater plugged into
/// the outlet circuit trips it through the real INA219 driver, power.trip reaches the broker, and an
/// operator's signed <c>power reset</c> restores the circuit.
/// </summary>
public sealed class PowerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly MosquittoBroker _broker = new();

    public async ValueTask InitializeAsync() => await _broker.StartAsync();

    public async ValueTask DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task SimLoad_HeaterOnOutlet_TripReachesBrokerAndOperatorResetRestores()
    {
        var id = "test-" + Guid.NewGuid().ToString("N")[..8];
        using var tokens = new SignedTokens(id);
        var power = new Dictionary<string, string?>
        {
            ["Power:KioskLimitWatts"] = "3600",
            ["Power:Circuits:outlet:RelayPin"] = "21",
            ["Power:Circuits:outlet:LimitWatts"] = "500",
            ["Power:Circuits:outlet:Meter"] = "outlet-ina219",
            ["Power:Circuits:outlet:Priority"] = "4",
            ["Power:Meters:outlet-ina219:Kind"] = "Ina219",
            ["Power:Meters:outlet-ina219:Address"] = "64",
            ["Power:Meters:outlet-ina219:ShuntOhms"] = "0.002",
            ["Power:Meters:outlet-ina219:MaxCurrentAmps"] = "150",
            ["Power:Meters:outlet-ina219:Averages"] = "1",
            ["Power:Meters:outlet-ina219:MaxWatts"] = "3000",
            ["Power:Meters:outlet-ina219:Script:0:Watts"] = "60",
        };
        await using var kiosk = await KioskUnderTest.StartAsync(
            _broker.Port,
            power,
            s =>
            {
                s.AddSingleton(tokens.Verifier);
                s.AddPower(new ConfigurationBuilder().AddInMemoryCollection(power).Build());
            },
            id);
        await using var backend = await BrokerObserver.ConnectAsync(_broker.Port, $"kiosk/{id}/#");
        await kiosk.WaitConnectedAsync(Patience);
        await backend.WaitForAsync($"kiosk/{id}/state", m => m.Json["circuits"]?["outlet"]?["on"]?.GetValue<bool>() == true, Patience);

        var simLoad = kiosk.Services.GetServices<ControlOperation>().Single(o => o.Name == "sim.load");
        await simLoad.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["watts"] = 2000 }, null!, TestContext.Current.CancellationToken);

        var trip = (await backend.WaitForAsync($"kiosk/{id}/events", m => m.Json["type"]?.GetValue<string>() == "power.trip", Patience)).Json;
        Assert.Equal("outlet", trip["circuit"]!.GetValue<string>());
        Assert.Equal(2000, trip["watts"]!.GetValue<double>(), tolerance: 20);
        Assert.Equal(500, trip["limit"]!.GetValue<double>());
        await backend.WaitForAsync($"kiosk/{id}/state", m => m.Json["circuits"]?["outlet"]?["tripped"]?.GetValue<bool>() == true, Patience);

        // The heater is unplugged; the operator resets the circuit before its cooldown ends.
        await simLoad.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["watts"] = 60 }, null!, TestContext.Current.CancellationToken);
        var token = tokens.Issue.Issue(new TokenDescriptor
        {
            Issuer = SignedTokens.Issuer,
            Audiences = [id],
            Subject = "op-0007",
            Role = KioskRole.Operator,
            Cmd = "power",
            Lifetime = TimeSpan.FromSeconds(60),
            Extra = new Dictionary<string, JsonNode?> { ["circuit"] = "outlet", ["action"] = "reset" },
        });
        await backend.PublishAsync($"kiosk/{id}/cmd/power", new JsonObject { ["id"] = "r-reset", ["token"] = token }.ToJsonString());

        var reply = (await backend.WaitForAsync($"kiosk/{id}/reply/r-reset", timeout: Patience)).Json;
        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.True(reply["result"]!["on"]!.GetValue<bool>());
        var restored = (await backend.WaitForAsync($"kiosk/{id}/events", m => m.Json["type"]?.GetValue<string>() == "power.restored", Patience)).Json;
        Assert.Equal("outlet", restored["circuit"]!.GetValue<string>());
        Assert.Equal("reset", restored["reason"]!.GetValue<string>());
        Assert.Equal("remote", restored["via"]!.GetValue<string>());
        Assert.Equal("op-0007", restored["sub"]!.GetValue<string>());
        await backend.WaitForAsync($"kiosk/{id}/state", m => m.Json["circuits"]?["outlet"]?["on"]?.GetValue<bool>() == true && m.Json["circuits"]?["outlet"]?["tripped"]?.GetValue<bool>() == false, Patience);
    }

    [Fact]
    public async Task PowerCommand_UnknownCircuit_BadArgumentsOverMqttChangesNothing()
    {
        var id = "test-" + Guid.NewGuid().ToString("N")[..8];
        using var tokens = new SignedTokens(id);
        var power = new Dictionary<string, string?>
        {
            ["Power:Circuits:outlet:RelayPin"] = "21",
            ["Power:Circuits:outlet:LimitWatts"] = "500",
            ["Power:Circuits:outlet:Meter"] = "outlet",
            ["Power:Meters:outlet:Kind"] = "Simulated",
        };
        await using var kiosk = await KioskUnderTest.StartAsync(
            _broker.Port,
            power,
            s =>
            {
                s.AddSingleton(tokens.Verifier);
                s.AddPower(new ConfigurationBuilder().AddInMemoryCollection(power).Build());
            },
            id);
        await using var backend = await BrokerObserver.ConnectAsync(_broker.Port, $"kiosk/{id}/#");
        await kiosk.WaitConnectedAsync(Patience);
        var token = tokens.Issue.Issue(new TokenDescriptor
        {
            Issuer = SignedTokens.Issuer,
            Audiences = [id],
            Subject = "op-0007",
            Role = KioskRole.Operator,
            Cmd = "power",
            Lifetime = TimeSpan.FromSeconds(60),
            Extra = new Dictionary<string, JsonNode?> { ["circuit"] = "sauna", ["action"] = "off" },
        });

        await backend.PublishAsync($"kiosk/{id}/cmd/power", new JsonObject { ["id"] = "r-bad", ["token"] = token }.ToJsonString());

        var reply = (await backend.WaitForAsync($"kiosk/{id}/reply/r-bad", timeout: Patience)).Json;
        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Equal("bad_arguments", reply["error"]!.GetValue<string>());
        Assert.True(kiosk.Services.GetRequiredService<PowerGuard>().Describe("outlet")!.On);
        Assert.DoesNotContain(kiosk.Journal.ReadAfter(0, 100), e => e.Type.StartsWith("power.", StringComparison.Ordinal));
    }
}
