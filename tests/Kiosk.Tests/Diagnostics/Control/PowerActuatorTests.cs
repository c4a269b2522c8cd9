using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Intercom;
using Kiosk.Tests.Power;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics.Control;

public sealed class PowerActuatorTests
{
    private static readonly TimeSpan Pulse = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Circuit_SwitchesOffAndOn_ReportsWattsAndRestoresAutomatic()
    {
        using var rig = new PowerRig();
        rig.Add("heater", limit: 2200).Watts = 1800;
        rig.Build();
        rig.Sample();
        var actuator = new CircuitActuator(rig.Guard, Options.Create(new DiagnosticsOptions { ActuatePulse = Pulse }), rig.Time);

        var run = actuator.RunAsync(new JsonObject { ["circuit"] = "heater" }, TestContext.Current.CancellationToken).AsTask();
        Assert.False(rig.IsOn("heater"));
        rig.Guard.Step();
        rig.Time.Advance(Pulse);
        await Until(() => rig.IsOn("heater"));
        rig.Guard.Step();
        rig.Time.Advance(Pulse);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("""{"circuit":"heater","before":{"on":true,"watts":1800,"fault":null},"off":{"on":false,"watts":0,"fault":null},"after":{"on":true,"watts":1800,"fault":null},"relayOff":true,"meterFell":true}""", result.ToJsonString());
        Assert.Null(rig.CircuitState("heater")["manual"]);
        Assert.True(rig.IsOn("heater"));
    }

    [Fact]
    public async Task Circuit_Unknown_RefusedNothingSwitched()
    {
        using var rig = new PowerRig();
        rig.Add("heater", limit: 2200).Watts = 1800;
        rig.Build();
        rig.Sample();
        var actuator = new CircuitActuator(rig.Guard, Options.Create(new DiagnosticsOptions()), rig.Time);

        var e = await Assert.ThrowsAsync<ControlException>(() => actuator.RunAsync(new JsonObject { ["circuit"] = "sauna" }, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("circuit must be one of: heater", e.Message);
        Assert.True(rig.IsOn("heater"));
    }

    [Fact]
    public async Task Amp_Configured_EnablesForThePulseAndRestores()
    {
        var time = new FakeTimeProvider();
        using var board = new Board(new SimulatedGpioDriver());
        using var amp = new SwitchedOutput(board.Gpio, 12, LineLevel.High);
        var actuator = new AmpActuator(board, new IntercomOptions { AmpEnablePin = 12 }, Options.Create(new DiagnosticsOptions { ActuatePulse = Pulse }), time);

        var run = actuator.RunAsync([], TestContext.Current.CancellationToken).AsTask();
        Assert.Equal(PinValue.High, board.Simulation!.GetOutput(12));
        time.Advance(Pulse);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("""{"pin":12,"before":"low","during":"high","after":"low","enabled":true,"seconds":1}""", result.ToJsonString());
        Assert.Equal(PinValue.Low, board.Simulation.GetOutput(12));
    }

    [Fact]
    public async Task Amp_NotConfigured_Refused()
    {
        using var board = new Board(new SimulatedGpioDriver());
        var actuator = new AmpActuator(board, new IntercomOptions(), Options.Create(new DiagnosticsOptions()), new FakeTimeProvider());

        var e = await Assert.ThrowsAsync<ControlException>(() => actuator.RunAsync([], TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("Intercom:AmpEnablePin", e.Message, StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
