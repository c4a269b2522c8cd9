using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinPassagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Granted_NoContactSensor_CountsAtOnce()
    {
        var p = new CabinPassages();
        Assert.Equal(1, p.Granted(Now));
        Assert.Equal(-1, p.ExitReleased(Now));
    }

    [Fact]
    public void DoorChanged_Opens_SettlesPendingEntriesAndExits()
    {
        var p = new CabinPassages { Sensed = true };
        Assert.Equal(0, p.Granted(Now));
        Assert.Equal(0, p.Granted(Now));
        Assert.Equal(0, p.ExitReleased(Now));

        Assert.Equal(1, p.DoorChanged(open: true, locked: false, Now));
        Assert.Equal(Now, p.LastOpened);
        Assert.Equal(0, p.DoorChanged(open: true, locked: false, Now));
    }

    [Fact]
    public void DoorChanged_RelockedWithoutOpening_VoidsTheRelease()
    {
        var p = new CabinPassages { Sensed = true };
        p.Granted(Now);
        Assert.Equal(0, p.DoorChanged(open: false, locked: true, Now));

        Assert.Equal(0, p.DoorChanged(open: true, locked: false, Now));
        Assert.Equal(Now, p.LastOpened);
    }

    [Fact]
    public void DoorChanged_LockedWhileStillOpen_KeepsTheRelease()
    {
        var p = new CabinPassages { Sensed = true };
        p.DoorChanged(open: true, locked: false, Now);
        p.Granted(Now);

        // Only a door relocked closed voids a release: locked while open, it can still be walked through.
        Assert.Equal(0, p.DoorChanged(open: true, locked: true, Now));
        Assert.Equal(0, p.DoorChanged(open: false, locked: false, Now));
        Assert.Equal(1, p.DoorChanged(open: true, locked: false, Now));
    }
}
