using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinWatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan EmptyAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan After = TimeSpan.FromHours(4);
    private static readonly TimeSpan Repeat = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(true, false, 1, 10, true)]
    [InlineData(true, false, 1, 11, true)]
    [InlineData(true, false, 1, 9, false)]
    [InlineData(true, true, 1, 60, false)]
    [InlineData(true, false, 0, 60, false)]
    [InlineData(false, false, 1, 60, false)]
    public void IsEmptyDue_PresenceCountAndAbsence_OnlyASensorSeeingNobodyLongEnoughWithACount(bool sensor, bool present, int count, int absentMinutes, bool due)
    {
        var c = new CabinState("rest", new CabinOptions { PresencePin = sensor ? 22 : null })
        {
            Present = present,
            Count = count,
            AbsentSince = Now - TimeSpan.FromMinutes(absentMinutes),
        };
        Assert.Equal(due, CabinWatch.IsEmptyDue(c, Now, EmptyAfter));
    }

    [Fact]
    public void IsWelfareDue_SomebodyInsideAndNoActivityForLongEnough_DueWithTheSeconds()
    {
        var c = Occupied(lastActivity: Now - After - TimeSpan.FromSeconds(1.5));
        Assert.True(CabinWatch.IsWelfareDue(c, Now, After, Repeat, out var inactive));
        Assert.Equal((long)After.TotalSeconds + 1, inactive);
    }

    [Fact]
    public void IsWelfareDue_ExactlyAfter_Due() =>
        Assert.True(CabinWatch.IsWelfareDue(Occupied(Now - After), Now, After, Repeat, out _));

    [Fact]
    public void IsWelfareDue_ActivityMoreRecent_NotDue()
    {
        Assert.False(CabinWatch.IsWelfareDue(Occupied(Now - After + TimeSpan.FromSeconds(1)), Now, After, Repeat, out var inactive));
        Assert.Equal(0, inactive);
    }

    [Fact]
    public void IsWelfareDue_NobodyInsideOrNoActivityYet_NotDue()
    {
        var empty = Occupied(Now - 2 * After);
        empty.Count = 0;
        Assert.False(CabinWatch.IsWelfareDue(empty, Now, After, Repeat, out _));

        var never = Occupied(lastActivity: null);
        Assert.False(CabinWatch.IsWelfareDue(never, Now, After, Repeat, out _));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(61, true)]
    public void IsWelfareDue_RaisedBefore_AgainOnlyAfterTheRepeat(int minutesSinceRaised, bool due)
    {
        var c = Occupied(Now - 2 * After);
        c.WelfareRaisedAt = Now - TimeSpan.FromMinutes(minutesSinceRaised);
        Assert.Equal(due, CabinWatch.IsWelfareDue(c, Now, After, Repeat, out _));
    }

    private static CabinState Occupied(DateTimeOffset? lastActivity) =>
        new("rest", new CabinOptions()) { Count = 1, LastActivity = lastActivity };
}
