using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinStateTests
{
    [Theory]
    [InlineData(7, null, false)]
    [InlineData(null, 8, false)]
    [InlineData(7, 8, true)]
    public void HasBeams_BothPinsOnly_True(int? a, int? b, bool expected) =>
        Assert.Equal(expected, new CabinState("rest", new CabinOptions { BeamAPin = a, BeamBPin = b }).HasBeams);

    [Fact]
    public void Doors_NoneConfigured_TheCabinsOwnId()
    {
        Assert.Equal(["rest"], new CabinState("rest", new CabinOptions()).Doors);
        Assert.Equal(["a", "b"], new CabinState("suite", new CabinOptions { Doors = ["a", "b"] }).Doors);
    }
}
