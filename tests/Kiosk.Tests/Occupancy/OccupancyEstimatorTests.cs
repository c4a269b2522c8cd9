using Kiosk.Contract.Events;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class OccupancyEstimatorTests
{
    [Fact]
    public void DoorOpened_GrantedWithoutBeams_CountsEntryAndVisit()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "remote", "worker-2");
        f.Opened("rest", "manual");
        Assert.Equal(3, f.Estimator.Count("rest"));
        Assert.Equal(3, f.Estimator.VisitsToday);
        Assert.Equal(2, f.Estimator.HoldersToday);
    }

    [Fact]
    public void DoorOpened_ExitButtonWithoutBeams_CountsOutButNeverBelowZero()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "exit");
        f.Opened("rest", "exit");
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void DoorOpened_CabinWithBeams_BeamsDecideCountButHoldersAreKept()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(beams: true));
        f.Opened("rest", "scan", "worker-1");
        Assert.Equal(0, f.Estimator.Count("rest"));
        f.Estimator.BeamCrossed("rest", BeamCrossing.In);
        f.Estimator.BeamCrossed("rest", BeamCrossing.In);
        f.Opened("rest", "exit");
        Assert.Equal(2, f.Estimator.Count("rest"));
        Assert.Equal(2, f.Estimator.VisitsToday);
        Assert.Equal(1, f.Estimator.HoldersToday);
        f.Estimator.BeamCrossed("rest", BeamCrossing.Out);
        f.Estimator.BeamCrossed("rest", BeamCrossing.Out);
        f.Estimator.BeamCrossed("rest", BeamCrossing.Out);
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void DoorOpened_UnknownDoorOrOtherEvent_ChangesNothing()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("shed", "scan", "worker-1");
        f.Journal.Append(new DoorDenied("expired", "scan", "rest", "worker-2"));
        Assert.Equal(0, f.Estimator.Count("rest"));
        Assert.Equal(0, f.Estimator.HoldersToday);
    }

    [Fact]
    public void Count_ManyEntries_NeverAboveMaxCount()
    {
        var options = OccupancyFixture.Cabin();
        options.MaxCount = 8;
        using var f = new OccupancyFixture(options);
        for (var i = 0; i < 12; i++)
        {
            f.Opened("rest", "scan", $"worker-{i}");
        }

        Assert.Equal(8, f.Estimator.Count("rest"));
    }

    [Fact]
    public void Count_DoorIdMappedToCabin_AnswersForTheDoor()
    {
        var options = OccupancyFixture.Cabin();
        options.Cabins["rest"].Doors = ["rest-front", "rest-back"];
        using var f = new OccupancyFixture(options);
        f.Opened("rest-back", "scan", "worker-1");
        Assert.Equal(1, f.Estimator.Count("rest"));
        Assert.Equal(1, f.Estimator.Count("rest-front"));
        Assert.Equal(6, f.Estimator.Capacity("rest-front"));
    }

    [Fact]
    public void PresenceChanged_DetectedWithCountZero_CountsOneWhileDetected()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(presence: true));
        f.Estimator.PresenceChanged("rest", true);
        Assert.Equal(1, f.Estimator.Count("rest"));
        f.Estimator.PresenceChanged("rest", false);
        Assert.Equal(0, f.Estimator.Count("rest"));
        f.Opened("rest", "scan", "worker-1");
        f.Estimator.PresenceChanged("rest", true);
        Assert.Equal(1, f.Estimator.Count("rest"));
    }

    [Fact]
    public void Tick_PresenceAbsentForEmptyAfter_ResetsToZero()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(presence: true));
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "scan", "worker-2");
        f.Estimator.PresenceChanged("rest", true);
        f.Estimator.PresenceChanged("rest", false);
        f.Time.Advance(TimeSpan.FromMinutes(9.9));
        f.Estimator.Tick();
        Assert.Equal(2, f.Estimator.Count("rest"));
        f.Time.Advance(TimeSpan.FromMinutes(0.1));
        f.Estimator.Tick();
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void Tick_PresenceStillDetected_KeepsCount()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(presence: true));
        f.Opened("rest", "scan", "worker-1");
        f.Estimator.PresenceChanged("rest", true);
        f.Time.Advance(TimeSpan.FromMinutes(30));
        f.Estimator.Tick();
        Assert.Equal(1, f.Estimator.Count("rest"));
    }

    [Fact]
    public void Tick_NoPresenceSensor_NeverEmptiesByTime()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        f.Time.Advance(TimeSpan.FromHours(2));
        f.Estimator.Tick();
        Assert.Equal(1, f.Estimator.Count("rest"));
    }

    [Fact]
    public void IsFull_AtCapacity_TrueAndRaisesFullOncePerStretch()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(capacity: 2));
        f.Opened("rest", "scan", "worker-1");
        Assert.False(f.Estimator.IsFull("rest"));
        f.Opened("rest", "scan", "worker-2");
        Assert.True(f.Estimator.IsFull("rest"));
        f.Opened("rest", "manual");
        var full = Assert.Single(f.Events("occupancy.full"));
        Assert.Equal("rest", full.Fields["cabin"]!.GetValue<string>());
        Assert.Equal(2, full.Fields["count"]!.GetValue<int>());
        Assert.Equal(2, full.Fields["capacity"]!.GetValue<int>());

        f.Opened("rest", "exit");
        f.Opened("rest", "exit");
        Assert.False(f.Estimator.IsFull("rest"));
        f.Opened("rest", "scan", "worker-3");
        Assert.Equal(2, f.Events("occupancy.full").Count);
    }

    [Fact]
    public void IsFull_UnknownCabin_FalseAndCountZero()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        Assert.False(f.Estimator.IsFull("nowhere"));
        Assert.Equal(0, f.Estimator.Count("nowhere"));
    }

    [Fact]
    public void Tick_OccupiedAndInactive_RaisesWelfareCheckAfterTheTime()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        f.Time.Advance(TimeSpan.FromMinutes(44));
        f.Estimator.Tick();
        Assert.Empty(f.Events("occupancy.welfare_check"));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        f.Estimator.Tick();
        var check = Assert.Single(f.Events("occupancy.welfare_check"));
        Assert.Equal("rest", check.Fields["cabin"]!.GetValue<string>());
        Assert.Equal(1, check.Fields["count"]!.GetValue<int>());
        Assert.Equal(45 * 60, check.Fields["inactiveFor"]!.GetValue<long>());
    }

    [Fact]
    public void Tick_StillInactive_RepeatsAtTheInterval()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        for (var minute = 1; minute <= 80; minute++)
        {
            f.Time.Advance(TimeSpan.FromMinutes(1));
            f.Estimator.Tick();
        }

        // At 45, 60 and 75 minutes.
        Assert.Equal([45 * 60L, 60 * 60L, 75 * 60L], f.Events("occupancy.welfare_check").Select(e => e.Fields["inactiveFor"]!.GetValue<long>()));
    }

    [Fact]
    public void Tick_ActivityReturns_StopsWelfareChecks()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(presence: true));
        f.Opened("rest", "scan", "worker-1");
        f.Estimator.PresenceChanged("rest", true);
        f.Time.Advance(TimeSpan.FromMinutes(45));
        f.Estimator.Tick();
        Assert.Single(f.Events("occupancy.welfare_check"));

        f.Estimator.PresenceChanged("rest", false);
        f.Estimator.PresenceChanged("rest", true);
        for (var minute = 1; minute <= 40; minute++)
        {
            f.Time.Advance(TimeSpan.FromMinutes(1));
            f.Estimator.Tick();
        }

        Assert.Single(f.Events("occupancy.welfare_check"));
    }

    [Fact]
    public void Tick_EmptyCabin_NeverRaisesWelfareCheck()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "exit");
        f.Time.Advance(TimeSpan.FromHours(3));
        f.Estimator.Tick();
        Assert.Empty(f.Events("occupancy.welfare_check"));
    }

    [Fact]
    public void HoldersToday_LocalMidnightInConfiguredZone_ResetsVisitsAndHolders()
    {
        var options = OccupancyFixture.Cabin();
        options.TimeZone = "Asia/Shanghai";

        // 15:30 UTC is 23:30 in Shanghai.
        using var f = new OccupancyFixture(options, new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero));
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "scan", "worker-2");
        Assert.Equal(3, f.Estimator.VisitsToday);
        Assert.Equal(2, f.Estimator.HoldersToday);

        f.Time.Advance(TimeSpan.FromMinutes(31));
        f.Estimator.Tick();
        Assert.Equal(0, f.Estimator.VisitsToday);
        Assert.Equal(0, f.Estimator.HoldersToday);
        f.Opened("rest", "scan", "worker-1");
        Assert.Equal(1, f.Estimator.HoldersToday);
    }

    [Fact]
    public void State_Occupancy_HasCabinsVisitsAndHoldersWithoutSubs()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(capacity: 1, presence: true));
        f.Opened("rest", "scan", "worker-secret-7");
        var section = f.State.Get("occupancy")!;
        Assert.Equal(1, section["rest"]!["count"]!.GetValue<int>());
        Assert.Equal(1, section["rest"]!["capacity"]!.GetValue<int>());
        Assert.True(section["rest"]!["full"]!.GetValue<bool>());
        Assert.False(section["rest"]!["presence"]!.GetValue<bool>());
        Assert.Equal("2026-11-23T06:00:00.000Z", section["rest"]!["lastActivity"]!.GetValue<string>());
        Assert.Equal(1, section["visitsToday"]!.GetValue<int>());
        Assert.Equal(1, section["holdersToday"]!.GetValue<int>());
        Assert.DoesNotContain("worker-secret-7", section.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_Telemetry_HasCountPerCabinAndDayTotals()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Opened("rest", "scan", "worker-1");
        var m = new Dictionary<string, double>();
        new OccupancyTelemetry(f.Estimator).Collect(m);
        Assert.Equal(1, m["occupancy.rest.count"]);
        Assert.Equal(1, m["occupancy.visits.today"]);
        Assert.Equal(1, m["occupancy.holders.today"]);
    }
}
