using Kiosk.Edge.Power;
using Kiosk.Tests.Power;

namespace Kiosk.Tests.Contract;

/// <summary>The power events, the <c>circuits</c> state section and the power reply, as the power guard produces them.</summary>
public sealed class PowerGoldenTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Fact]
    public void Events_TripCooldownLockoutReset_MatchGolden()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        meter.Watts = 2500;
        _rig.Run(TimeSpan.FromMinutes(5));
        meter.Watts = 50;
        _rig.Guard.Operate("outlet", PowerAction.Reset, "remote", "op-7");

        GoldenFile.MatchEvent("power.trip", _rig.Events("power.trip")[0]);
        GoldenFile.MatchEvent("power.restored", _rig.Events("power.restored")[0]);
        GoldenFile.MatchEvent("power.lockout", Assert.Single(_rig.Events("power.lockout")));
        GoldenFile.MatchEvent("power.restored-reset", _rig.Events("power.restored")[^1]);
        GoldenFile.Match("state/circuit", _rig.CircuitState("outlet").ToJsonString());
    }

    [Fact]
    public void Events_SensorFaultAndRecovery_MatchGolden()
    {
        var meter = _rig.Add("heater", limit: 2000);
        meter.Watts = 800;
        _rig.Build();
        meter.Failure = new PowerMeterException(MeterFault.NoAnswer, "nack");
        _rig.Run(TimeSpan.FromSeconds(5));
        GoldenFile.Match("state/circuit-fault", _rig.CircuitState("heater").ToJsonString());
        meter.Failure = null;
        _rig.Sample();

        GoldenFile.MatchEvent("power.sensor_fault", Assert.Single(_rig.Events("power.sensor_fault")));
        GoldenFile.MatchEvent("power.sensor_recovered", Assert.Single(_rig.Events("power.sensor_recovered")));
        GoldenFile.MatchEvent("power.restored-sensor_recovered", Assert.Single(_rig.Events("power.restored")));
    }

    [Fact]
    public void Events_ShedAndHeadroom_MatchGolden()
    {
        _rig.Options.KioskLimitWatts = 3000;
        _rig.Add("heater", limit: 2500, priority: 1).Watts = 1000;
        _rig.Add("microwave", limit: 2500, priority: 2).Watts = 1200;
        _rig.Add("outlet", limit: 2500, priority: 4).Watts = 500;
        _rig.Build();
        _rig.Run(TimeSpan.FromSeconds(5));
        _rig.Meters["microwave"].Watts = 1800;
        _rig.Run(TimeSpan.FromSeconds(2));
        _rig.Meters["microwave"].Watts = 0;
        _rig.Run(TimeSpan.FromMinutes(10), () => _rig.Events("power.restored").Count > 0);

        GoldenFile.MatchEvent("power.shed", Assert.Single(_rig.Events("power.shed")));
        GoldenFile.MatchEvent("power.restored-headroom", Assert.Single(_rig.Events("power.restored")));
        GoldenFile.Match("state/circuits", _rig.State.Get("circuits")!.ToJsonString());
    }

    [Fact]
    public void Events_Saving_MatchGolden()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Options.SavingAfter = TimeSpan.FromMinutes(15);
        _rig.Add("aircon", limit: 1500, followsOccupancy: true).Watts = 800;
        _rig.Add("outlet", limit: 500).Watts = 60;
        _rig.Occupancy.Since = _rig.Time.GetUtcNow();
        _rig.Build();
        _rig.Run(TimeSpan.FromMinutes(15));

        GoldenFile.MatchEvent("power.saving", Assert.Single(_rig.Events("power.saving")));
    }

    [Fact]
    public async Task Replies_PowerSwitched_MatchGolden()
    {
        _rig.Add("heater", limit: 2000).Watts = 500;
        var command = new PowerCommand(_rig.Build());
        using var replies = new ReplyHarness(_rig.Time, [command]);

        GoldenFile.Match("replies/power", await replies.ReplyAsync("power", "r-power", """{"cmd":"power","circuit":"heater","action":"off","sub":"op-1"}"""));
        GoldenFile.MatchEvent("power.switched", Assert.Single(_rig.Events("power.switched")));
    }

    public void Dispose() => _rig.Dispose();
}
