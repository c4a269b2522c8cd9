using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PowerCommandTests : IDisposable
{
    private readonly PowerRig _rig = new();
    private readonly PowerCommand _command;

    public PowerCommandTests()
    {
        _rig.Add("heater", limit: 2000).Watts = 500;
        _rig.Add("outlet", limit: 500);
        _command = new PowerCommand(_rig.Build());
    }

    [Fact]
    public async Task ExecuteAsync_Off_CircuitStaysOffDespiteNormallyOn()
    {
        var result = await Run("""{"circuit":"heater","action":"off"}""", CommandVia.Remote, "op-1");

        Assert.True(result.Ok);
        Assert.False(result.Result!["on"]!.GetValue<bool>());
        Assert.Equal("off", result.Result["manual"]!.GetValue<string>());
        _rig.Run(TimeSpan.FromHours(1));
        Assert.False(_rig.IsOn("heater"));
        var switched = Assert.Single(_rig.Events("power.switched"));
        Assert.Equal("heater", switched.Fields["circuit"]!.GetValue<string>());
        Assert.False(switched.Fields["on"]!.GetValue<bool>());
        Assert.Equal("remote", switched.Fields["via"]!.GetValue<string>());
        Assert.Equal("op-1", switched.Fields["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecuteAsync_OnAfterOff_BackOnAndRecordedAsManual()
    {
        await Run("""{"circuit":"outlet","action":"off"}""");
        var result = await Run("""{"circuit":"outlet","action":"on"}""");

        Assert.True(result.Ok);
        Assert.True(_rig.IsOn("outlet"));
        Assert.All(_rig.Events("power.switched"), e => Assert.Equal("manual", e.Fields["via"]!.GetValue<string>()));
        Assert.False(_rig.Events("power.switched")[1].Fields.ContainsKey("sub"));
    }

    [Fact]
    public async Task ExecuteAsync_ResetTrippedCircuit_RestoresBeforeCooldown()
    {
        _rig.Meters["outlet"].Watts = 2000;
        _rig.Run(TimeSpan.FromSeconds(2));
        Assert.False(_rig.IsOn("outlet"));
        _rig.Meters["outlet"].Watts = 20;

        var result = await Run("""{"circuit":"outlet","action":"reset"}""", CommandVia.Remote, "op-2");

        Assert.True(result.Ok);
        Assert.True(_rig.IsOn("outlet"));
        var restored = Assert.Single(_rig.Events("power.restored"));
        Assert.Equal("reset", restored.Fields["reason"]!.GetValue<string>());
        Assert.Equal("op-2", restored.Fields["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecuteAsync_ResetHealthyCircuit_SucceedsWithoutEvent()
    {
        var result = await Run("""{"circuit":"heater","action":"reset"}""");

        Assert.True(result.Ok);
        Assert.Empty(_rig.Events("power.restored"));
    }

    [Theory]
    [InlineData("""{"circuit":"sauna","action":"off"}""")]
    [InlineData("""{"circuit":"HEATER","action":"off"}""")]
    [InlineData("""{"action":"off"}""")]
    [InlineData("""{"circuit":"heater"}""")]
    [InlineData("""{"circuit":"heater","action":"explode"}""")]
    [InlineData("""{"circuit":"heater","action":"Off"}""")]
    [InlineData("""{"circuit":7,"action":"off"}""")]
    [InlineData("""{"circuit":"heater","action":true}""")]
    [InlineData("""["heater","off"]""")]
    public async Task ExecuteAsync_BadArguments_RefusedAndChangesNothing(string arguments)
    {
        var before = _rig.State.Snapshot().ToJsonString();

        var result = await Run(arguments);

        Assert.False(result.Ok);
        Assert.Equal("bad_arguments", result.Error);
        Assert.True(_rig.IsOn("heater"));
        Assert.True(_rig.IsOn("outlet"));
        Assert.Empty(_rig.Journal.ReadAfter(0, 100));
        Assert.Equal(before, _rig.State.Snapshot().ToJsonString());
    }

    [Fact]
    public void AllowedRoles_OperatorAndMaintenanceOnly()
    {
        Assert.Equal("power", _command.Name);
        Assert.Equal(["maintenance", "operator"], _command.AllowedRoles!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ThroughRouter_WorkerTokenForbidden()
    {
        var router = new CommandRouter([_command]);
        using var args = JsonDocument.Parse("""{"circuit":"heater","action":"off"}""");

        var result = await router.ExecuteAsync(new CommandRequest("power", "r1", CommandVia.Remote, "w-1", "worker", args.RootElement), CancellationToken.None);

        Assert.Equal("role_forbidden", result.Error);
        Assert.True(_rig.IsOn("heater"));
    }

    public void Dispose() => _rig.Dispose();

    private async Task<CommandResult> Run(string arguments, CommandVia via = CommandVia.Manual, string? sub = null)
    {
        using var doc = JsonDocument.Parse(arguments);
        var role = via == CommandVia.Remote ? "operator" : "maintenance";
        return await _command.ExecuteAsync(new CommandRequest("power", "req-1", via, sub, role, doc.RootElement.Clone()), TestContext.Current.CancellationToken);
    }
}
