using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PowerGuardSensorFaultTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Fact]
    public void Step_MeterThrows_OneFaultEventAndSafeStateOff()
    {
        var meter = _rig.Add("heater", limit: 2000);
        _rig.Build();
        meter.Failure = new PowerMeterException(MeterFault.NoAnswer, "nack");

        _rig.Run(TimeSpan.FromMinutes(1));

        Assert.False(_rig.IsOn("heater"));
        var fault = Assert.Single(_rig.Events("power.sensor_fault"));
        Assert.Equal("heater", fault.Fields["circuit"]!.GetValue<string>());
        Assert.Equal("heater", fault.Fields["meter"]!.GetValue<string>());
        Assert.Equal("no_answer", fault.Fields["fault"]!.GetValue<string>());
        Assert.Equal("no_answer", _rig.CircuitState("heater")["fault"]!.GetValue<string>());
    }

    [Fact]
    public void Step_IoExceptionEscapesDriver_TreatedAsNoAnswer()
    {
        var meter = _rig.Add("heater", limit: 2000);
        _rig.Build();
        meter.Failure = new IOException("bus error");

        _rig.Sample();

        Assert.Equal("no_answer", Assert.Single(_rig.Events("power.sensor_fault")).Fields["fault"]!.GetValue<string>());
    }

    [Fact]
    public void Step_SafeStateOn_CircuitStaysOnDuringFault()
    {
        var meter = _rig.Add("aircon", limit: 2000, safeState: SafeState.On);
        _rig.Build();
        meter.Failure = new PowerMeterException(MeterFault.Overflow, "ovf");

        _rig.Run(TimeSpan.FromSeconds(10));

        Assert.True(_rig.IsOn("aircon"));
        Assert.Equal("overflow", Assert.Single(_rig.Events("power.sensor_fault")).Fields["fault"]!.GetValue<string>());
    }

    [Fact]
    public void Step_MeterAnswersAgain_RecoversAndRestores()
    {
        var meter = _rig.Add("heater", limit: 2000);
        meter.Watts = 800;
        _rig.Build();
        meter.Failure = new PowerMeterException(MeterFault.NoAnswer, "nack");
        _rig.Run(TimeSpan.FromSeconds(5));
        Assert.False(_rig.IsOn("heater"));

        meter.Failure = null;
        _rig.Sample();

        Assert.True(_rig.IsOn("heater"));
        var recovered = Assert.Single(_rig.Events("power.sensor_recovered"));
        Assert.Equal("heater", recovered.Fields["circuit"]!.GetValue<string>());
        Assert.Equal("sensor_recovered", Assert.Single(_rig.Events("power.restored")).Fields["reason"]!.GetValue<string>());
        Assert.Null(_rig.CircuitState("heater")["fault"]);
    }

    [Theory]
    [InlineData(-50.0)]
    [InlineData(20_000.0)]
    [InlineData(double.NaN)]
    public void Step_ImplausibleReading_OutOfRangeFault(double watts)
    {
        var meter = _rig.Add("outlet", limit: 2000, maxWatts: 5000);
        _rig.Build();
        meter.Watts = watts;
        meter.Exact = true;

        _rig.Run(TimeSpan.FromSeconds(5));

        Assert.Equal("out_of_range", Assert.Single(_rig.Events("power.sensor_fault")).Fields["fault"]!.GetValue<string>());
        Assert.False(_rig.IsOn("outlet"));
        Assert.Empty(_rig.Events("power.trip"));
        Assert.Empty(_rig.Events("power.sensor_recovered")); // latched: 0 W with the relay off proves nothing
    }

    [Fact]
    public void Step_SmallNegativeNoise_IsNoFault()
    {
        var meter = _rig.Add("outlet", limit: 2000);
        _rig.Build();
        meter.Watts = -3;

        _rig.Run(TimeSpan.FromMinutes(2));

        Assert.Empty(_rig.Events("power.sensor_fault"));
    }

    [Fact]
    public void Step_SameNonZeroValueForFrozenAfter_FrozenFaultLatchedUntilReset()
    {
        _rig.Options.FrozenAfter = TimeSpan.FromSeconds(30);
        var meter = _rig.Add("heater", limit: 2000);
        _rig.Build();
        meter.Watts = 1234.5;
        meter.Exact = true;

        _rig.Run(TimeSpan.FromSeconds(29));
        Assert.Empty(_rig.Events("power.sensor_fault"));
        _rig.Run(TimeSpan.FromSeconds(1.5));

        Assert.Equal("frozen", Assert.Single(_rig.Events("power.sensor_fault")).Fields["fault"]!.GetValue<string>());
        Assert.False(_rig.IsOn("heater"));

        // Cut off, the meter reads 0: that proves nothing about the sensor, so the circuit stays off.
        _rig.Run(TimeSpan.FromMinutes(5));
        Assert.False(_rig.IsOn("heater"));
        Assert.Single(_rig.Events("power.sensor_fault"));
        Assert.Empty(_rig.Events("power.sensor_recovered"));

        meter.Exact = false; // the sensor was replaced
        _rig.Guard.Operate("heater", PowerAction.Reset, "manual", null);
        _rig.Run(TimeSpan.FromMinutes(2));

        Assert.True(_rig.IsOn("heater"));
        Assert.Single(_rig.Events("power.sensor_fault"));
        Assert.Equal("reset", Assert.Single(_rig.Events("power.restored")).Fields["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Step_FrozenWhileKeptOn_RecoversWhenValueMoves()
    {
        _rig.Options.FrozenAfter = TimeSpan.FromSeconds(30);
        var meter = _rig.Add("aircon", limit: 2000, safeState: SafeState.On);
        _rig.Build();
        meter.Watts = 700;
        meter.Exact = true;
        _rig.Run(TimeSpan.FromSeconds(31));
        Assert.Single(_rig.Events("power.sensor_fault"));
        Assert.True(_rig.IsOn("aircon"));

        meter.Watts = 710;
        _rig.Sample();

        Assert.Single(_rig.Events("power.sensor_recovered"));
        Assert.Empty(_rig.Events("power.restored")); // it never went off
    }

    [Fact]
    public void Step_SameValueFromMeterThatHoldsBetweenUpdates_NotFrozen()
    {
        var meter = _rig.Add("heater", limit: 2000);
        meter.Continuous = false; // an S0 meter at low load
        _rig.Build();
        meter.Watts = 100;
        meter.Exact = true;

        _rig.Run(TimeSpan.FromMinutes(5));

        Assert.Empty(_rig.Events("power.sensor_fault"));
    }

    [Fact]
    public void Step_ZeroWhileIdle_NotFrozen()
    {
        _rig.Add("microwave", limit: 2000);
        _rig.Build();

        _rig.Run(TimeSpan.FromMinutes(5));

        Assert.Empty(_rig.Events("power.sensor_fault"));
    }

    [Fact]
    public void Step_FaultyCircuitKeptOn_CountsAtItsLimitTowardsKioskTotal()
    {
        _rig.Options.KioskLimitWatts = 3000;
        var aircon = _rig.Add("aircon", limit: 2000, priority: 3, safeState: SafeState.On);
        _rig.Add("heater", limit: 2000, priority: 1).Watts = 1500;
        _rig.Build();
        aircon.Failure = new PowerMeterException(MeterFault.NoAnswer, "nack");

        _rig.Run(TimeSpan.FromSeconds(3));

        Assert.True(_rig.IsOn("aircon"));
        Assert.False(_rig.IsOn("heater"));
        Assert.Equal("heater", Assert.Single(_rig.Events("power.shed")).Fields["circuit"]!.GetValue<string>());
    }

    public void Dispose() => _rig.Dispose();
}
