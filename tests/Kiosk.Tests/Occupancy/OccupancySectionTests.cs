using Kiosk.Contract.State;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class OccupancySectionTests
{
    private static CabinOccupancy Build(CabinState cabin) =>
        OccupancySection.Build([cabin], new DayTally(TimeZoneInfo.Utc)).Cabins[cabin.Id];

    [Fact]
    public void Build_EmptyCabinWithoutPresenceSensor_NotFullAndPresenceNull()
    {
        var c = Build(new CabinState("rest", new CabinOptions { Capacity = 2 }));
        Assert.False(c.Full);
        Assert.Null(c.Presence);
    }

    [Fact]
    public void Build_AtCapacity_FullUnlessSeenEmpty()
    {
        var counted = new CabinState("rest", new CabinOptions { Capacity = 1 }) { Count = 1 };
        Assert.True(Build(counted).Full);

        var seenEmpty = new CabinState("rest", new CabinOptions { Capacity = 1, PresencePin = 9 }) { Count = 1 };
        Assert.False(Build(seenEmpty).Full);
        Assert.Equal(false, Build(seenEmpty).Presence);
    }
}
