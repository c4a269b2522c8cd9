using System.Device.I2c;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics.Simulation;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Ina219;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Control;

public sealed class SimFaultOperationTests : IDisposable
{
    private readonly TestKiosk _kiosk = new();
    private readonly SimulatedIna219 _outletMeter = new(new I2cConnectionSettings(1, 0x40), 0.002, () => 0.5);
    private readonly SimulatedFaults _faults = new();
    private readonly SimFaultOperation _operation;

    public SimFaultOperationTests()
    {
        var bus = new SimulatedI2cBus();
        bus.Attach(1, 0x40, _outletMeter);
        var power = new PowerOptions
        {
            Circuits = { ["outlet"] = new CircuitOptions { RelayPin = 21, Meter = "outlet-ina219" }, ["heater"] = new CircuitOptions { RelayPin = 18, Meter = "heater-s0" } },
            Meters = { ["outlet-ina219"] = new MeterOptions { Kind = MeterKind.Ina219, Bus = 1, Address = 0x40 }, ["heater-s0"] = new MeterOptions { Kind = MeterKind.S0, Pin = 23 } },
        };
        _operation = new SimFaultOperation(_kiosk.Board, _kiosk.Doors, Options.Create(power), bus, _faults);
    }

    [Fact]
    public async Task ContactStuck_DoorMoves_ContactDoesNotFollowUntilCleared()
    {
        var result = await Run(new JsonObject { ["fault"] = "contact_stuck", ["door"] = "rest" });
        Assert.Equal("""{"active":["contact_stuck:rest"]}""", result!.ToJsonString());

        _kiosk.MoveDoor("rest", open: true);
        Assert.False(_kiosk.Door("rest").IsOpen);

        await Run(new JsonObject { ["fault"] = "contact_stuck", ["door"] = "rest", ["on"] = false });
        _kiosk.MoveDoor("rest", open: true);
        Assert.True(_kiosk.Door("rest").IsOpen);
    }

    [Fact]
    public async Task MeterSilent_I2cMeter_StopsAnsweringUntilCleared()
    {
        await Run(new JsonObject { ["fault"] = "meter_silent", ["circuit"] = "outlet" });
        Assert.False(_outletMeter.Responding);

        var result = await Run(new JsonObject { ["fault"] = "meter_silent", ["circuit"] = "outlet", ["on"] = false });
        Assert.True(_outletMeter.Responding);
        Assert.Equal("""{"active":[]}""", result!.ToJsonString());
    }

    [Fact]
    public async Task MeterSilent_NotAnI2cMeter_RefusedNamingTheChoices()
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["fault"] = "meter_silent", ["circuit"] = "heater" }));
        Assert.Equal("meter_silent needs --circuit with an I2C meter: outlet", e.Message);
    }

    [Fact]
    public async Task RtcMissing_SimulatedRtc_AbsentUntilCleared()
    {
        var rtc = new SimulatedRtc(_faults);

        var result = await Run(new JsonObject { ["fault"] = "rtc_missing" });
        Assert.Equal("""{"active":["rtc_missing"]}""", result!.ToJsonString());
        Assert.False(rtc.Probe().Present);

        await Run(new JsonObject { ["fault"] = "rtc_missing", ["on"] = false });
        Assert.True(rtc.Probe().Present);
    }

    [Fact]
    public async Task UnknownFault_Refused()
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["fault"] = "fire" }));
        Assert.StartsWith("unknown fault 'fire'", e.Message, StringComparison.Ordinal);
    }

    private Task<JsonNode?> Run(JsonObject args) => _operation.ExecuteAsync(args, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask();

    public void Dispose() => _kiosk.Dispose();
}
