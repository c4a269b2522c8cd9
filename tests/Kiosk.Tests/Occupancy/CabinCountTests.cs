using Kiosk.Contract.Events;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinCountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly List<KioskEventBody> _raised = [];
    private readonly DayTally _day = new(TimeZoneInfo.Utc);

    public CabinCountTests() => _day.Roll(Now);

    [Fact]
    public void Enter_TwoIn_CountsTwoVisitsAndTwoPeople()
    {
        var c = Cabin(capacity: 4);
        CabinCount.Enter(c, 2, maxCount: 10, _day, _raised);

        Assert.Equal(2, c.Count);
        Assert.Equal(2, _day.Visits);
        Assert.Empty(_raised);
    }

    [Fact]
    public void Enter_OneOut_NoVisitAndOneFewer()
    {
        var c = Cabin(capacity: 4);
        c.Count = 2;
        CabinCount.Enter(c, -1, maxCount: 10, _day, _raised);

        Assert.Equal(1, c.Count);
        Assert.Equal(0, _day.Visits);
    }

    [Fact]
    public void Enter_Zero_ChangesNothingNotEvenTheFullAlarm()
    {
        var c = Cabin(capacity: 1);
        c.Count = 1;
        CabinCount.Enter(c, 0, maxCount: 10, _day, _raised);

        Assert.Empty(_raised);
        Assert.False(c.FullRaised);
        Assert.Equal(0, _day.Visits);
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    public void Set_AnyCount_ClampedToZeroAndMaxCount(int count, int expected)
    {
        var c = Cabin(capacity: 20);
        CabinCount.Set(c, count, maxCount: 10, _raised);
        Assert.Equal(expected, c.Count);
    }

    [Fact]
    public void UpdateFull_AtCapacity_RaisedOnceUntilBelowAgain()
    {
        var c = Cabin(capacity: 2);

        CabinCount.Set(c, 1, maxCount: 10, _raised);
        Assert.Empty(_raised);
        CabinCount.Set(c, 2, maxCount: 10, _raised);
        Assert.Equal([new OccupancyFull("rest", 2, 2)], _raised);
        CabinCount.Set(c, 3, maxCount: 10, _raised);
        Assert.Single(_raised);

        CabinCount.Set(c, 1, maxCount: 10, _raised);
        Assert.False(c.FullRaised);
        CabinCount.Set(c, 2, maxCount: 10, _raised);
        Assert.Equal(2, _raised.Count);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void IsFull_WithoutPresenceSensor_AtOrOverCapacity(int count, bool full)
    {
        var c = Cabin(capacity: 2);
        c.Count = count;
        Assert.Equal(full, CabinCount.IsFull(c));
    }

    [Fact]
    public void IsFull_AtCapacityButSeenEmpty_NotFull()
    {
        var c = Cabin(capacity: 1, presence: true);
        c.Count = 1;
        c.AbsentSince = Now;
        Assert.False(CabinCount.IsFull(c));

        c.Present = true;
        Assert.True(CabinCount.IsFull(c));
    }

    private static CabinState Cabin(int capacity, bool presence = false) =>
        new("rest", new CabinOptions { Capacity = capacity, PresencePin = presence ? 22 : null });
}
