using Kiosk.Edge.Climate;

namespace Kiosk.Tests.Climate;

public sealed class ClimateMonitorAlarmTests : IDisposable
{
    private readonly ClimateRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void Step_HeatWithPeopleForRaiseAfter_RaisesHeatOnce()
    {
        _rig.People.Count = 2;
        _rig.Celsius = 41;

        _rig.Run(TimeSpan.FromSeconds(30));
        Assert.Empty(_rig.Events("climate.heat"));

        _rig.Run(TimeSpan.FromMinutes(10));
        var heat = Assert.Single(_rig.Events("climate.heat"));
        Assert.Equal("rest", heat.Fields["cabin"]!.GetValue<string>());
        Assert.Equal(41, heat.Fields["celsius"]!.GetValue<double>());
        Assert.Equal(35, heat.Fields["limit"]!.GetValue<double>());
        Assert.Equal(2, heat.Fields["people"]!.GetValue<int>());
        Assert.Equal(["heat"], _rig.Cabin["alarms"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void Step_HeatExactlyAtThresholdAfterRaiseAfter_Raises()
    {
        _rig.People.Count = 1;
        _rig.Celsius = 35;

        _rig.Monitor.Step();
        _rig.Time.Advance(TimeSpan.FromSeconds(59));
        _rig.Monitor.Step();
        Assert.Empty(_rig.Events("climate.heat"));
        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        _rig.Monitor.Step();

        Assert.Single(_rig.Events("climate.heat"));
    }

    [Fact]
    public void Step_HeatInEmptyCabin_NoAlarm()
    {
        _rig.People.Count = 0;
        _rig.Celsius = 45;

        _rig.Run(TimeSpan.FromMinutes(30));

        Assert.Empty(_rig.Events("climate.heat"));
    }

    [Fact]
    public void Step_HeatSpikeShorterThanRaiseAfter_NoAlarm()
    {
        _rig.People.Count = 3;
        _rig.Celsius = 38;
        _rig.Run(TimeSpan.FromSeconds(30));
        _rig.Celsius = 30;
        _rig.Run(TimeSpan.FromSeconds(30));
        _rig.Celsius = 38;
        _rig.Run(TimeSpan.FromSeconds(30));

        Assert.Empty(_rig.Events("climate.heat"));
    }

    [Fact]
    public void Step_TemperatureOscillatesAroundThreshold_RaisedOnceNeverFlaps()
    {
        _rig.People.Count = 1;
        _rig.Celsius = 36;
        _rig.Run(TimeSpan.FromMinutes(2));
        Assert.Single(_rig.Events("climate.heat"));

        // Noise around the threshold: 34.0..35.6, all above the clear point 35 - 1.5 = 33.5.
        foreach (var t in new[] { 34.8, 35.3, 34.1, 35.6, 34.0, 35.1, 34.4 })
        {
            _rig.Celsius = t;
            _rig.Time.Advance(_rig.Options.SamplePeriod);
            _rig.Monitor.Step();
        }

        Assert.Single(_rig.Events("climate.heat"));
        Assert.Empty(_rig.Events("climate.cleared"));

        _rig.Celsius = 33.5;
        _rig.Time.Advance(_rig.Options.SamplePeriod);
        _rig.Monitor.Step();

        var cleared = Assert.Single(_rig.Events("climate.cleared"));
        Assert.Equal("heat", cleared.Fields["alarm"]!.GetValue<string>());
        Assert.Equal("cooled", cleared.Fields["reason"]!.GetValue<string>());
        Assert.Empty(_rig.Cabin["alarms"]!.AsArray());
    }

    [Fact]
    public void Step_EveryoneLeavesHotCabin_HeatClearedAsEmpty()
    {
        _rig.People.Count = 1;
        _rig.Celsius = 40;
        _rig.Run(TimeSpan.FromMinutes(2));
        _rig.People.Count = 0;
        _rig.Time.Advance(_rig.Options.SamplePeriod);
        _rig.Monitor.Step();

        var cleared = Assert.Single(_rig.Events("climate.cleared"));
        Assert.Equal("empty", cleared.Fields["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Step_ColdCabin_RaisedEvenEmptyAndClearedOnlyPastHysteresis()
    {
        _rig.Celsius = 8;
        _rig.Run(TimeSpan.FromMinutes(2));
        var cold = Assert.Single(_rig.Events("climate.cold"));
        Assert.Equal(10, cold.Fields["limit"]!.GetValue<double>());

        _rig.Celsius = 11;
        _rig.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(_rig.Events("climate.cleared"));

        _rig.Celsius = 11.5;
        _rig.Time.Advance(_rig.Options.SamplePeriod);
        _rig.Monitor.Step();
        Assert.Equal("cold", Assert.Single(_rig.Events("climate.cleared")).Fields["alarm"]!.GetValue<string>());
    }

    [Fact]
    public void Step_Co2AtDefault1500_RaisedAndClearedBelow1300()
    {
        _rig.Co2.Reading = new ClimateReading(null, null, 1499);
        _rig.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(_rig.Events("climate.co2_high"));

        _rig.Co2.Reading = new ClimateReading(null, null, 1500);
        _rig.Run(TimeSpan.FromMinutes(2));
        Assert.Equal(1500, Assert.Single(_rig.Events("climate.co2_high")).Fields["ppm"]!.GetValue<double>());

        _rig.Co2.Reading = new ClimateReading(null, null, 1350);
        _rig.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(_rig.Events("climate.cleared"));

        _rig.Co2.Reading = new ClimateReading(null, null, 1300);
        _rig.Time.Advance(_rig.Options.SamplePeriod);
        _rig.Monitor.Step();
        Assert.Equal("co2_high", Assert.Single(_rig.Events("climate.cleared")).Fields["alarm"]!.GetValue<string>());
    }

    [Fact]
    public void Step_AirconDraws20MinWithoutCooling_RaisesAirconIneffective()
    {
        _rig.Aircon.Draw = 800;
        _rig.Celsius = 33;

        _rig.Run(TimeSpan.FromMinutes(19.5));
        Assert.Empty(_rig.Events("climate.aircon_ineffective"));

        _rig.Celsius = 32.5; // cooled by less than AirconMinDrop (1 °C)
        _rig.Run(TimeSpan.FromMinutes(1));
        var e = Assert.Single(_rig.Events("climate.aircon_ineffective"));
        Assert.Equal("aircon", e.Fields["circuit"]!.GetValue<string>());
        Assert.Equal(33, e.Fields["start_celsius"]!.GetValue<double>());

        _rig.Aircon.Draw = 0;
        _rig.Time.Advance(_rig.Options.SamplePeriod);
        _rig.Monitor.Step();
        Assert.Equal("stopped", Assert.Single(_rig.Events("climate.cleared")).Fields["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Step_AirconCoolsTheCabin_NoAlarm()
    {
        _rig.Aircon.Draw = 800;
        for (var t = 33.0; t >= 29; t -= 0.2)
        {
            _rig.Celsius = t;
            _rig.Time.Advance(TimeSpan.FromMinutes(1));
            _rig.Monitor.Step();
        }

        Assert.Empty(_rig.Events("climate.aircon_ineffective"));
    }

    [Fact]
    public void Step_AirconHoldsComfortableCabinForHours_NoAlarm()
    {
        _rig.Aircon.Draw = 700;
        _rig.Celsius = 25;

        _rig.Run(TimeSpan.FromHours(3));

        Assert.Empty(_rig.Events("climate.aircon_ineffective"));
    }

    [Fact]
    public void Step_AirconMeterFaulty_NoAlarm()
    {
        _rig.Aircon.Draw = null;
        _rig.Celsius = 34;

        _rig.Run(TimeSpan.FromHours(1));

        Assert.Empty(_rig.Events("climate.aircon_ineffective"));
    }
}
