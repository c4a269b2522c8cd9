using Kiosk.Edge.Doors;

namespace Kiosk.Tests.Doors;

public sealed class DoorModesTests
{
    [Theory]
    [InlineData("normal", DoorMode.Normal)]
    [InlineData("hold_open", DoorMode.HoldOpen)]
    [InlineData("out_of_service", DoorMode.OutOfService)]
    public void TryParse_ContractName_TheModeAndBack(string wire, DoorMode mode)
    {
        Assert.True(DoorModes.TryParse(wire, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(wire, parsed.ToWire());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Normal")]
    [InlineData("open")]
    public void TryParse_AnythingElse_False(string? wire) => Assert.False(DoorModes.TryParse(wire, out _));

    [Fact]
    public void ToWire_UnknownMode_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((DoorMode)42).ToWire());
}
