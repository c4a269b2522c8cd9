using Kiosk.Edge.Doors;
using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinsFromDoorsTests
{
    [Fact]
    public void PostConfigure_DoorsListedUnderAnotherCabin_NoCabinOfTheirOwn()
    {
        var doors = new DoorsOptions
        {
            Cabins =
            {
                ["a"] = new DoorOptions { Capacity = 3 },
                ["b"] = new DoorOptions { Capacity = 4 },
                ["rest"] = new DoorOptions { Capacity = 2 },
            },
        };
        var occupancy = new OccupancyOptions { Cabins = { ["suite"] = new CabinOptions { Doors = ["a", "b"] } } };

        new CabinsFromDoors(Options.Create(doors)).PostConfigure(null, occupancy);

        Assert.Equal(["rest", "suite"], occupancy.Cabins.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, occupancy.Cabins["rest"].Capacity);
        Assert.Equal(CabinOptions.DefaultCapacity, occupancy.Cabins["suite"].Capacity);
    }
}
