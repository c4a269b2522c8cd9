using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

/// <summary>
/// Issue 11: every way the count drifted from the people inside (a cabin refused "full" with nobody
/// in it), each fixed and tested. The door's contact is wired in these tests, as on a real kiosk.
/// </summary>
public sealed class OccupancyDriftTests
{
    [Fact]
    public void IsFull_TwoGrantsTheDoorNeverOpenedFor_NotFullForTheThird()
    {
        // The case: life, capacity 2, a presence sensor, no beams; two passes, the door relocked each time.
        using var f = new OccupancyFixture(OccupancyFixture.Cabin("life", capacity: 2, presence: true));
        f.Door("life", open: false, locked: true);
        for (var i = 0; i < 2; i++)
        {
            f.Opened("life", "scan", $"worker-{i}");
            f.Door("life", open: false, locked: false);
            f.Door("life", open: false, locked: true);
        }

        Assert.Equal(0, f.Estimator.Count("life"));
        Assert.False(f.Estimator.IsFull("life"));
        Assert.Empty(f.Events("occupancy.full"));
    }

    [Fact]
    public void Count_GrantThenDoorOpens_CountsTheEntryWhenItOpens()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Door("rest", open: false, locked: true);
        f.Opened("rest", "scan", "worker-1");
        Assert.Equal(0, f.Estimator.Count("rest"));

        f.Door("rest", open: true);

        Assert.Equal(1, f.Estimator.Count("rest"));
        Assert.Equal(1, f.Estimator.VisitsToday);
        Assert.Equal(1, f.Estimator.HoldersToday);
    }

    [Fact]
    public void Count_ExitPressedButDoorNeverOpened_StaysInside()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        f.Passed("rest", "scan", "worker-1");

        f.Opened("rest", "exit");
        f.Door("rest", open: false, locked: true);
        Assert.Equal(1, f.Estimator.Count("rest"));

        f.Passed("rest", "exit");
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void IsFull_PresenceGlitchAtAnEmptyCabin_GoneWhenTheSensorClears()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin("life", capacity: 1, presence: true));

        f.Estimator.PresenceChanged("life", true);
        Assert.True(f.Estimator.IsFull("life"));
        f.Estimator.PresenceChanged("life", false);

        Assert.Equal(0, f.Estimator.Count("life"));
        Assert.False(f.Estimator.IsFull("life"));
    }

    [Fact]
    public void IsFull_LeftWithoutTheExitButtonAndNobodySeen_NotFullUntilTheDoorOpensAgain()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin("life", capacity: 2, presence: true));
        f.Passed("life", "scan", "worker-1");
        f.Passed("life", "scan", "worker-2");
        f.Estimator.PresenceChanged("life", true);
        Assert.True(f.Estimator.IsFull("life"));

        // Both walk out behind someone else's opening, no exit button; the sensor then sees nobody.
        f.Door("life", open: true);
        f.Door("life", open: false, locked: true);
        f.Time.Advance(TimeSpan.FromSeconds(30));
        f.Estimator.PresenceChanged("life", false);

        Assert.Equal(2, f.Estimator.Count("life"));
        Assert.False(f.Estimator.IsFull("life"));

        // The door opens again: someone may have come in whom the sensor has not seen yet.
        f.Time.Advance(TimeSpan.FromSeconds(30));
        f.Door("life", open: true);
        Assert.True(f.Estimator.IsFull("life"));
    }

    [Fact]
    public void Count_TailgaterLeavesLast_PresenceKeepsAtLeastOneUntilTheCabinIsEmpty()
    {
        // Two people in on one pass (tailgating): the count says 1.
        using var f = new OccupancyFixture(OccupancyFixture.Cabin("rest", presence: true));
        f.Passed("rest", "scan", "worker-1");
        f.Estimator.PresenceChanged("rest", true);

        f.Passed("rest", "exit");
        Assert.Equal(1, f.Estimator.Count("rest"));

        f.Passed("rest", "exit");
        f.Estimator.PresenceChanged("rest", false);
        Assert.Equal(0, f.Estimator.Count("rest"));
    }

    [Fact]
    public void Tick_NobodySeenForEmptyAfter_StaleCountCleared()
    {
        using var f = new OccupancyFixture(OccupancyFixture.Cabin("life", capacity: 2, presence: true));
        f.Passed("life", "scan", "worker-1");
        f.Passed("life", "scan", "worker-2");
        f.Estimator.PresenceChanged("life", false);

        f.Time.Advance(f.Options.EmptyAfter);
        f.Estimator.Tick();

        Assert.Equal(0, f.Estimator.Count("life"));
    }
}
