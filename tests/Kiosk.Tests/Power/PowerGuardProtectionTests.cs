using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PowerGuardProtectionTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Theory]
    [InlineData(999.0)]
    [InlineData(1000.0)]
    [InlineData(1090.0)] // over the limit but under the curve's first point (110 %)
    public void Step_BelowCurveForHours_NeverTrips(double watts)
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Add("heater", limit: 1000).Watts = watts;
        _rig.Build();

        _rig.Run(TimeSpan.FromHours(4));

        Assert.True(_rig.IsOn("heater"));
        Assert.Empty(_rig.Events("power.trip"));
        Assert.Empty(_rig.Events("power.sensor_fault"));
    }

    [Theory]
    [InlineData(1100.0, 30.0)]
    [InlineData(1500.0, 2.0)]
    [InlineData(2000.0, 0.5)]
    [InlineData(3000.0, 0.5)]
    public void Step_AtCurvePoint_TripsWithinItsTimeAndNotBefore(double watts, double seconds)
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(5)); // settle at no load
        meter.Watts = watts;
        meter.Exact = true;

        var elapsed = _rig.Run(TimeSpan.FromSeconds(60), () => !_rig.IsOn("outlet"));

        Assert.False(_rig.IsOn("outlet"));
        // The first sample that sees the load is the start of the overload; it trips on the sample that completes the time.
        Assert.InRange(elapsed.TotalSeconds, seconds, seconds + _rig.Options.SamplePeriod.TotalSeconds);
        var trip = Assert.Single(_rig.Events("power.trip"));
        Assert.Equal("outlet", trip.Fields["circuit"]!.GetValue<string>());
        Assert.Equal(watts, trip.Fields["watts"]!.GetValue<double>());
        Assert.Equal(1000, trip.Fields["limit"]!.GetValue<double>());
        Assert.True(_rig.CircuitState("outlet")["tripped"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_OverloadDropsBelowLimit_AccumulationStartsAgain()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        meter.Watts = 1500; // 2 s to trip
        _rig.Run(TimeSpan.FromSeconds(1.5));
        meter.Watts = 900;
        _rig.Run(TimeSpan.FromSeconds(1));
        meter.Watts = 1500;
        _rig.Run(TimeSpan.FromSeconds(1.5));

        Assert.True(_rig.IsOn("outlet"));
        _rig.Run(TimeSpan.FromSeconds(1));
        Assert.False(_rig.IsOn("outlet"));
    }

    [Fact]
    public void Step_AfterCooldown_RestoresCircuit()
    {
        _rig.Options.Cooldown = TimeSpan.FromSeconds(60);
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        meter.Watts = 2500;
        _rig.Run(TimeSpan.FromSeconds(10), () => !_rig.IsOn("outlet"));
        meter.Watts = 100; // the heater was unplugged

        _rig.Run(TimeSpan.FromSeconds(59));
        Assert.False(_rig.IsOn("outlet"));
        _rig.Run(TimeSpan.FromSeconds(1));

        Assert.True(_rig.IsOn("outlet"));
        var restored = Assert.Single(_rig.Events("power.restored"));
        Assert.Equal("cooldown", restored.Fields["reason"]!.GetValue<string>());
        Assert.Equal("outlet", restored.Fields["circuit"]!.GetValue<string>());
    }

    [Fact]
    public void Step_ThirdTripWithinWindow_LocksOutUntilReset()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        meter.Watts = 2500; // stays plugged in: trips again after every cooldown

        _rig.Run(TimeSpan.FromMinutes(5));

        Assert.Equal(3, _rig.Events("power.trip").Count);
        var lockout = Assert.Single(_rig.Events("power.lockout"));
        Assert.Equal("outlet", lockout.Fields["circuit"]!.GetValue<string>());
        Assert.Equal(2, _rig.Events("power.restored").Count);
        _rig.Run(TimeSpan.FromHours(1));
        Assert.False(_rig.IsOn("outlet"));
        Assert.True(_rig.CircuitState("outlet")["lockedOut"]!.GetValue<bool>());

        meter.Watts = 50;
        Assert.NotNull(_rig.Guard.Operate("outlet", PowerAction.Reset, "remote", "op-7"));

        Assert.True(_rig.IsOn("outlet"));
        var restored = _rig.Events("power.restored")[^1];
        Assert.Equal("reset", restored.Fields["reason"]!.GetValue<string>());
        Assert.Equal("remote", restored.Fields["via"]!.GetValue<string>());
        Assert.Equal("op-7", restored.Fields["sub"]!.GetValue<string>());
        Assert.False(_rig.CircuitState("outlet")["lockedOut"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_TripsSpreadBeyondWindow_NoLockout()
    {
        _rig.Options.LockoutWindow = TimeSpan.FromMinutes(15);
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        for (var i = 0; i < 4; i++)
        {
            meter.Watts = 2500;
            _rig.Run(TimeSpan.FromSeconds(10), () => !_rig.IsOn("outlet"));
            meter.Watts = 0;
            _rig.Run(TimeSpan.FromMinutes(8));
        }

        Assert.Equal(4, _rig.Events("power.trip").Count);
        Assert.Empty(_rig.Events("power.lockout"));
        Assert.True(_rig.IsOn("outlet"));
    }

    [Fact]
    public void Step_ActiveLowRelay_TripDrivesLineHigh()
    {
        var meter = _rig.Add("aircon", limit: 1000, activeLow: true);
        _rig.Build();
        Assert.Equal(System.Device.Gpio.PinValue.Low, _rig.Chip.GetOutput(_rig.Pins["aircon"]));

        meter.Watts = 2500;
        _rig.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(System.Device.Gpio.PinValue.High, _rig.Chip.GetOutput(_rig.Pins["aircon"]));
    }

    public void Dispose() => _rig.Dispose();
}
