using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Occupancy;

/// <summary>The estimator's start and end, its log lines, and the day boundary on every path that reads or counts the day.</summary>
public sealed class OccupancyEstimatorLifecycleTests
{
    // 23:59 UTC: the day ends a minute later.
    private static readonly DateTimeOffset LastMinute = new(2026, 11, 23, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_NewEstimator_PublishesEveryCabinAtZero()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        Assert.Equal(0, f.CabinState("rest")!["count"]!.GetValue<int>());
        Assert.Equal(0, Day(f, "visitsToday"));
    }

    [Fact]
    public void Dispose_DoorOpenedAfterwards_NotCounted()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Estimator.Dispose();
        f.Opened("rest", "scan", "w-1");
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void PresenceChanged_SomeoneSeenAtCapacityOne_RaisesFull()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(capacity: 1, presence: true));
        f.Estimator.PresenceChanged("rest", present: true);
        Assert.Single(f.Events("occupancy.full"));
    }

    [Fact]
    public void Tick_EmptiedAndWelfare_LogTheCabinAndCounts()
    {
        var logger = new FakeLogger<OccupancyEstimator>();
        var options = OccupancyFixture.Cabin(presence: true);
        options.Cabins["life"] = new CabinOptions { Capacity = 2 };
        using var f = new OccupancyFixture(options, logger: logger);
        f.Opened("rest", "scan", "w-1");
        f.Opened("life", "scan", "w-2");

        f.Time.Advance(options.WelfareAfter);
        f.Estimator.Tick();

        Assert.Equal(
            [
                "Cabin rest: no presence for 00:10:00, count 1 reset to 0",
                "Cabin life: welfare check, 1 inside, no activity for 2700 s",
            ],
            logger.Collector.GetSnapshot().Select(l => l.Message));
    }

    [Fact]
    public void VisitsToday_PastLocalMidnightWithoutActivity_Zero()
    {
        using var f = VisitedThenPastMidnight();
        Assert.Equal(0, f.Estimator.VisitsToday);
        Assert.Equal(0, f.Estimator.HoldersToday);
    }

    [Fact]
    public void DoorOpened_PastLocalMidnight_CountsForTheNewDay()
    {
        using var f = VisitedThenPastMidnight();
        f.Opened("rest", "scan", "w-2");

        Assert.Equal(1, Day(f, "visitsToday"));
        Assert.Equal(1, Day(f, "holdersToday"));
        Assert.Equal(1, f.Estimator.VisitsToday);
    }

    [Fact]
    public void Tick_PastLocalMidnight_PublishesTheNewDaysZeros()
    {
        using var f = VisitedThenPastMidnight();
        f.Estimator.Tick();

        Assert.Equal(0, Day(f, "visitsToday"));
        Assert.Equal(0, Day(f, "holdersToday"));
    }

    /// <summary>One visit at 23:59 UTC, then the clock two minutes into the next day.</summary>
    private static OccupancyFixture VisitedThenPastMidnight()
    {
        var f = new OccupancyFixture(OccupancyFixture.Cabin(), LastMinute);
        f.Opened("rest", "scan", "w-1");
        f.Time.Advance(TimeSpan.FromMinutes(2));
        return f;
    }

    /// <summary>A day total from the published "occupancy" section.</summary>
    private static int Day(OccupancyFixture f, string key) => f.State.Get("occupancy")![key]!.GetValue<int>();
}
