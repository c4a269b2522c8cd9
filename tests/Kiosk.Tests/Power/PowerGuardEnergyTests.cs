namespace Kiosk.Tests.Power;

public sealed class PowerGuardEnergyTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Fact]
    public void Step_OneKilowattForAnHour_OneKilowattHour()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Add("heater", limit: 2000).Watts = 1000;
        _rig.Build();
        _rig.Guard.Step(); // the first sample starts the clock

        _rig.Run(TimeSpan.FromHours(1));

        Assert.Equal(1000, _rig.CircuitState("heater")["wh"]!.GetValue<double>(), tolerance: 0.1);
    }

    [Fact]
    public void Step_MeterCountsEnergy_UsesItsCounterDeltas()
    {
        var meter = _rig.Add("heater", limit: 2000);
        meter.WattHours = 5000; // a meter that has counted before the service started
        _rig.Build();
        _rig.Sample();
        meter.WattHours = 5012.5;
        _rig.Sample();

        Assert.Equal(12.5, _rig.CircuitState("heater")["wh"]!.GetValue<double>(), precision: 6);
    }

    [Fact]
    public void Restart_EnergyLockoutAndManualOff_Survive()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Add("heater", limit: 2000).Watts = 1800;
        var outlet = _rig.Add("outlet", limit: 500);
        _rig.Build();
        _rig.Guard.Step();
        _rig.Run(TimeSpan.FromMinutes(10)); // 300 Wh
        _rig.Guard.Operate("heater", Edge.Power.PowerAction.Off, "manual", null);
        outlet.Watts = 2000;
        _rig.Run(TimeSpan.FromMinutes(5));
        Assert.Single(_rig.Events("power.lockout"));

        _rig.Restart();

        Assert.Equal(300, _rig.CircuitState("heater")["wh"]!.GetValue<double>(), tolerance: 0.5);
        Assert.False(_rig.IsOn("heater"));
        Assert.False(_rig.IsOn("outlet"));
        Assert.True(_rig.CircuitState("outlet")["lockedOut"]!.GetValue<bool>());
        Assert.Equal("off", _rig.CircuitState("heater")["manual"]!.GetValue<string>());
    }

    [Fact]
    public void Step_EveryPersistPeriod_WritesCountersWithoutShutdown()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Options.PersistEvery = TimeSpan.FromMinutes(1);
        _rig.Add("heater", limit: 5000).Watts = 3600;
        _rig.Build();
        _rig.Guard.Step();
        _rig.Run(TimeSpan.FromSeconds(61)); // 61 Wh, persisted at the minute

        using var store = new Edge.Power.EnergyStore(_rig.StorePath);
        Assert.InRange(store.Load()["heater"].WattHours, 59.9, 61.1);
    }

    [Fact]
    public void Collect_Telemetry_PerCircuitAndTotal()
    {
        _rig.Add("heater", limit: 2000).Watts = 1500;
        _rig.Add("outlet", limit: 500).Watts = 60;
        _rig.Build();
        _rig.Sample();
        var measurements = new Dictionary<string, double>();

        new Edge.Power.PowerTelemetry(_rig.Guard).Collect(measurements);

        Assert.Equal(1500, measurements["power.heater.watts"], tolerance: 0.1);
        Assert.Equal(60, measurements["power.outlet.watts"], tolerance: 0.1);
        Assert.Equal(1560, measurements["power.total.watts"], tolerance: 0.1);
        Assert.True(measurements.ContainsKey("power.heater.wh"));
        Assert.True(measurements.ContainsKey("power.outlet.wh"));
    }

    public void Dispose() => _rig.Dispose();
}
