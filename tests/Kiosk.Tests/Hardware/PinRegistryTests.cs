using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Hardware;

public sealed class PinRegistryTests
{
    [Fact]
    public void Create_PinUsedTwiceAcrossFeatures_FailsNamingBothKeys()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new PinRegistry(54, "gpiochip0",
        [
            new PinClaim("Doors:Cabins:rest:LockPin", 17),
            new PinClaim("Power:Circuits:outlet:RelayPin", 17),
        ]));

        Assert.Contains("Doors:Cabins:rest:LockPin and Power:Circuits:outlet:RelayPin both use GPIO 17", e.Message);
    }

    [Fact]
    public void Create_PinOutsideChip_FailsNamingKeyAndRange()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new PinRegistry(54, "gpiochip0",
            [new PinClaim("Doors:Cabins:life:ContactPin", 54)]));

        Assert.Contains("Doors:Cabins:life:ContactPin = 54", e.Message);
        Assert.Contains("lines 0..53", e.Message);
    }

    [Fact]
    public void Create_NegativePin_Fails()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new PinRegistry(54, "gpiochip0",
            [new PinClaim("Intercom:CallButtonPin", -1)]));

        Assert.Contains("Intercom:CallButtonPin = -1", e.Message);
    }

    [Fact]
    public void Create_SeveralFaults_ReportsEveryOne()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new PinRegistry(54, "gpiochip0",
        [
            new PinClaim("A:Pin", 5),
            new PinClaim("B:Pin", 5),
            new PinClaim("C:Pin", 99),
        ]));

        Assert.Equal(2, e.Failures.Count());
    }

    [Fact]
    public void Pin_ClaimedKey_ReturnsItsLine()
    {
        var pins = new PinRegistry(54, "gpiochip0", [new PinClaim("Doors:Cabins:rest:LockPin", 17), new PinClaim("Doors:Cabins:rest:ContactPin", 27)]);

        Assert.Equal(17, pins.Pin("Doors:Cabins:rest:LockPin"));
        Assert.Equal(27, pins.Pin("doors:cabins:rest:contactpin"));
        Assert.Equal(2, pins.Reservations.Count);
    }

    [Fact]
    public void Reserve_AfterStartOnTakenLine_ThrowsNamingBothKeysAndKeepsTheFirst()
    {
        var pins = new PinRegistry(54, "gpiochip0", [new PinClaim("Doors:Cabins:rest:ExitButtonPin", 22)]);

        var e = Assert.Throws<InvalidOperationException>(() => pins.Reserve("Occupancy:Beams:rest:InnerPin", 22));

        Assert.Equal("Doors:Cabins:rest:ExitButtonPin and Occupancy:Beams:rest:InnerPin both use GPIO 22", e.Message);
        Assert.Equal("Doors:Cabins:rest:ExitButtonPin", pins.Reservations[22]);
    }

    [Fact]
    public void Reserve_SameKeySameLineAgain_IsIdempotent()
    {
        var pins = new PinRegistry(54, "gpiochip0", [new PinClaim("Power:Circuits:outlet:RelayPin", 23)]);

        pins.Reserve("Power:Circuits:outlet:RelayPin", 23);

        Assert.Single(pins.Reservations);
    }

    [Fact]
    public void GpioLines_BusPinsReserved_LeavesThemOut()
    {
        var pins = new PinRegistry(54, "gpiochip0",
            [new PinClaim("Board:I2c (I2C1 SDA)", 2, Bus: true), new PinClaim("Board:I2c (I2C1 SCL)", 3, Bus: true), new PinClaim("Doors:Cabins:rest:LockPin", 17)]);

        Assert.Equal(3, pins.Reservations.Count);
        Assert.Equal(new Dictionary<int, string> { [17] = "Doors:Cabins:rest:LockPin" }, pins.GpioLines);
    }
}
