using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

/// <summary>
/// When the guard writes its store: every <c>PersistEvery</c> (here an hour, so only the writes under
/// test happen), at once after an operator's decision, a lockout or a cleared "on", and at shutdown.
/// </summary>
public sealed class PowerGuardPersistenceTests : IDisposable
{
    private readonly PowerRig _rig = new();

    public PowerGuardPersistenceTests()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Options.PersistEvery = TimeSpan.FromHours(1);
    }

    [Fact]
    public void Step_NothingHappens_NothingWrittenBeforePersistEvery()
    {
        _rig.Add("heater", limit: 2000).Watts = 1000;
        _rig.Build();

        _rig.Run(TimeSpan.FromMinutes(1));

        Assert.Empty(Saved());
    }

    [Fact]
    public void Step_Lockout_WrittenAtOnce()
    {
        _rig.Add("outlet", limit: 1000).Watts = 2500; // trips again after every cooldown
        _rig.Build();

        _rig.Run(TimeSpan.FromMinutes(10), () => _rig.Guard.Describe("outlet")!.LockedOut);

        Assert.True(Saved()["outlet"].LockedOut);
    }

    [Fact]
    public void Step_SavingClearsAnOperatorsOn_WrittenAtOnce()
    {
        _rig.Options.SavingAfter = TimeSpan.FromMinutes(15);
        _rig.Add("aircon", limit: 1500, followsOccupancy: true).Watts = 800;
        _rig.Occupancy.Since = _rig.Time.GetUtcNow();
        _rig.Build();
        _rig.Guard.Operate("aircon", PowerAction.On, "remote", "op-1");
        Assert.True(Saved()["aircon"].Manual);

        _rig.Run(TimeSpan.FromMinutes(16), () => !_rig.IsOn("aircon"));

        Assert.Null(Saved()["aircon"].Manual);
    }

    [Fact]
    public void Operate_Off_WrittenAtOnce()
    {
        _rig.Add("heater", limit: 2000);
        _rig.Build();

        _rig.Guard.Operate("heater", PowerAction.Off, "manual", null);

        Assert.False(Saved()["heater"].Manual);
    }

    [Fact]
    public async Task StopAsync_EnergyCountedSinceTheLastWrite_Written()
    {
        _rig.Add("heater", limit: 2000).Watts = 1000;
        _rig.Build();
        _rig.Guard.Step();
        _rig.Run(TimeSpan.FromMinutes(6)); // 100 Wh
        Assert.Empty(Saved());

        await _rig.Guard.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, Saved()["heater"].WattHours, tolerance: 0.1);
    }

    public void Dispose() => _rig.Dispose();

    private Dictionary<string, CircuitRecord> Saved()
    {
        using var store = new EnergyStore(_rig.StorePath);
        return store.Load();
    }
}
