namespace Kiosk.Tests.Power;

public sealed class PowerGuardSheddingTests : IDisposable
{
    private readonly PowerRig _rig = new();

    public PowerGuardSheddingTests()
    {
        _rig.Options.KioskLimitWatts = 3000;
        _rig.Options.ShedAfter = TimeSpan.FromSeconds(1);
        _rig.Options.ShedCooldown = TimeSpan.FromSeconds(60);
    }

    [Fact]
    public void Step_TotalOverKioskLimit_ShedsLowestPriorityFirstOnlyAsMuchAsNeeded()
    {
        _rig.Add("heater", limit: 2500, priority: 1).Watts = 1000;
        _rig.Add("microwave", limit: 2500, priority: 2).Watts = 1200;
        _rig.Add("outlet", limit: 2500, priority: 4).Watts = 500;
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(5));
        _rig.Meters["microwave"].Watts = 1800; // 3300 W in total

        _rig.Run(TimeSpan.FromSeconds(2));

        Assert.False(_rig.IsOn("heater"));
        Assert.True(_rig.IsOn("microwave"));
        Assert.True(_rig.IsOn("outlet"));
        var shed = Assert.Single(_rig.Events("power.shed"));
        Assert.Equal("heater", shed.Fields["circuit"]!.GetValue<string>());
        Assert.Equal("kiosk_limit", shed.Fields["reason"]!.GetValue<string>());
        Assert.True(_rig.CircuitState("heater")["shed"]!.GetValue<bool>());
        Assert.Empty(_rig.Events("power.trip"));
    }

    [Fact]
    public void Step_FarOverKioskLimit_ShedsInPriorityOrderUntilUnder()
    {
        _rig.Add("outlet", limit: 2500, priority: 4).Watts = 400;
        _rig.Add("aircon", limit: 2500, priority: 3).Watts = 1500;
        _rig.Add("microwave", limit: 2500, priority: 2).Watts = 1200;
        _rig.Add("heater", limit: 2500, priority: 1).Watts = 800; // 3900 W: the heater alone is not enough

        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(["heater", "microwave"], _rig.Events("power.shed").Select(e => e.Fields["circuit"]!.GetValue<string>()));
        Assert.True(_rig.IsOn("aircon"));
        Assert.True(_rig.IsOn("outlet"));
    }

    [Fact]
    public void Step_BriefPeakShorterThanShedAfter_ShedsNothing()
    {
        _rig.Add("heater", limit: 4000, priority: 1).Watts = 3500;
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(0.75));
        _rig.Meters["heater"].Watts = 1000;
        _rig.Run(TimeSpan.FromSeconds(10));

        Assert.Empty(_rig.Events("power.shed"));
        Assert.True(_rig.IsOn("heater"));
    }

    [Fact]
    public void Step_HeadroomReturns_RestoresAfterCooldownHighestPriorityFirstWithHysteresis()
    {
        _rig.Add("heater", limit: 2500, priority: 1).Watts = 1000;
        _rig.Add("microwave", limit: 2500, priority: 2).Watts = 1000;
        _rig.Add("aircon", limit: 2500, priority: 3).Watts = 1500; // 3500 W
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(2));
        Assert.False(_rig.IsOn("heater"));
        Assert.True(_rig.IsOn("microwave"));

        // 2500 W now: heater's 1000 W would make 3500 W, over the limit: it stays shed.
        _rig.Run(TimeSpan.FromMinutes(3));
        Assert.False(_rig.IsOn("heater"));

        // 1900 W: 1900 + 1000 = 2900 W is under the limit but above 90 % of it (2700 W): still shed.
        _rig.Meters["aircon"].Watts = 900;
        _rig.Run(TimeSpan.FromMinutes(3));
        Assert.False(_rig.IsOn("heater"));

        _rig.Meters["aircon"].Watts = 500; // 1500 + 1000 = 2500 W: room
        _rig.Run(TimeSpan.FromSeconds(1));

        Assert.True(_rig.IsOn("heater"));
        var restored = Assert.Single(_rig.Events("power.restored"));
        Assert.Equal("headroom", restored.Fields["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Step_TwoShedCircuits_RestoredOnePerCooldownHighestPriorityFirst()
    {
        _rig.Add("heater", limit: 2500, priority: 1).Watts = 800;
        _rig.Add("microwave", limit: 2500, priority: 2).Watts = 1000;
        _rig.Add("aircon", limit: 2500, priority: 3).Watts = 2100; // 3900 W: both lower ones go
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(2, _rig.Events("power.shed").Count);
        _rig.Meters["aircon"].Watts = 100;

        _rig.Run(TimeSpan.FromSeconds(59));
        Assert.Empty(_rig.Events("power.restored"));
        _rig.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(["microwave"], _rig.Events("power.restored").Select(e => e.Fields["circuit"]!.GetValue<string>()));
        _rig.Run(TimeSpan.FromSeconds(60));

        Assert.Equal(["microwave", "heater"], _rig.Events("power.restored").Select(e => e.Fields["circuit"]!.GetValue<string>()));
        Assert.True(_rig.IsOn("heater"));
    }

    public void Dispose() => _rig.Dispose();
}
