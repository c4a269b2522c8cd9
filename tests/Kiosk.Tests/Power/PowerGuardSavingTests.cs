using Kiosk.Contract.Events;
using System.Text.Json.Nodes;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PowerGuardSavingTests : IDisposable
{
    private readonly PowerRig _rig = new();

    public PowerGuardSavingTests()
    {
        _rig.Options.SamplePeriod = TimeSpan.FromSeconds(1);
        _rig.Options.SavingAfter = TimeSpan.FromMinutes(15);
        _rig.Add("aircon", limit: 1500, followsOccupancy: true).Watts = 800;
        _rig.Add("outlet", limit: 500).Watts = 60;
    }

    [Fact]
    public void Step_EmptyForSavingAfter_FollowerOffOthersStayOn()
    {
        _rig.Occupancy.Since = _rig.Time.GetUtcNow();
        _rig.Build();

        _rig.Run(TimeSpan.FromMinutes(14));
        Assert.True(_rig.IsOn("aircon"));
        _rig.Run(TimeSpan.FromMinutes(1));

        Assert.False(_rig.IsOn("aircon"));
        Assert.True(_rig.IsOn("outlet"));
        var saving = Assert.Single(_rig.Events("power.saving"));
        Assert.True(saving.Fields["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_DoorSignal_FollowerOffWhenEmptyBackOnAtEntryNotAtExit()
    {
        using var doors = new DoorOccupancySignal(_rig.Journal, _rig.Time);
        _rig.OccupancyOverride = doors;
        _rig.Build();
        _rig.Run(TimeSpan.FromMinutes(20));
        Assert.False(_rig.IsOn("aircon"));

        _rig.Journal.Append(new DoorOpened("rest", "exit"));
        _rig.Sample();
        Assert.False(_rig.IsOn("aircon")); // leaving is not entering

        _rig.Journal.Append(new DoorOpened("rest", "scan", "w-1"));
        _rig.Sample();

        Assert.True(_rig.IsOn("aircon"));
        Assert.Equal([true, false], _rig.Events("power.saving").Select(e => e.Fields["active"]!.GetValue<bool>()));
        _rig.Run(TimeSpan.FromMinutes(15));
        Assert.False(_rig.IsOn("aircon"));
    }

    [Theory]
    [InlineData("remote")]
    [InlineData("manual")]
    public void DoorSignal_OpenedRemotelyOrManually_CountsAsEntry(string via)
    {
        using var doors = new DoorOccupancySignal(_rig.Journal, _rig.Time);
        _rig.Time.Advance(TimeSpan.FromMinutes(5));

        _rig.Journal.Append(new DoorOpened("rest", via));

        Assert.Equal(_rig.Time.GetUtcNow(), doors.EmptySince);
    }

    [Fact]
    public void Step_OperatorOnDuringSaving_HoldsUntilKioskEmptiesAgain()
    {
        _rig.Occupancy.Since = _rig.Time.GetUtcNow();
        _rig.Build();
        _rig.Run(TimeSpan.FromMinutes(16));
        Assert.False(_rig.IsOn("aircon"));

        _rig.Guard.Operate("aircon", PowerAction.On, "remote", "op-1");
        _rig.Run(TimeSpan.FromMinutes(30));
        Assert.True(_rig.IsOn("aircon"));

        _rig.Occupancy.Since = _rig.Time.GetUtcNow(); // an entry, then empty again
        _rig.Run(TimeSpan.FromMinutes(16));

        Assert.False(_rig.IsOn("aircon"));
    }

    [Fact]
    public void Step_OperatorOffWhileOccupied_BeatsNormallyOn()
    {
        _rig.Occupancy.Since = null; // someone inside
        _rig.Build();
        _rig.Guard.Operate("aircon", PowerAction.Off, "manual", null);

        _rig.Run(TimeSpan.FromHours(2));

        Assert.False(_rig.IsOn("aircon"));
    }

    public void Dispose() => _rig.Dispose();
}
