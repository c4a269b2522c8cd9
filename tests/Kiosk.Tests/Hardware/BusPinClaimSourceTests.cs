using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Scanner;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Hardware;

public sealed class BusPinClaimSourceTests
{
    [Theory]
    [InlineData(2, "Board:I2c (I2C1 SDA)")]
    [InlineData(3, "Board:I2c (I2C1 SCL)")]
    [InlineData(14, "Board:Uart (UART TXD)")]
    [InlineData(15, "Board:Uart (UART RXD)")]
    [InlineData(7, "Board:Spi (SPI0 CE1)")]
    [InlineData(11, "Board:Spi (SPI0 SCLK)")]
    public void Registry_PinOfEnabledBus_FailsNamingBusAndKey(int pin, string bus)
    {
        var board = new BoardOptions { I2c = true, Uart = true, Spi = true };

        var e = Assert.Throws<OptionsValidationException>(() => Registry(board, new ScannerOptions(), new PinClaim("Intercom:AmpEnablePin", pin)));

        Assert.Contains($"{bus} and Intercom:AmpEnablePin both use GPIO {pin}", e.Message);
    }

    [Fact]
    public void Registry_BusesDisabled_BusPinsAreOrdinaryLines()
    {
        var registry = Registry(new BoardOptions(), new ScannerOptions { Device = "/dev/ttyACM0" }, new PinClaim("Intercom:AmpEnablePin", 14), new PinClaim("Intercom:CallButtonPin", 7));

        Assert.Equal(14, registry.Pin("Intercom:AmpEnablePin"));
    }

    [Theory]
    [InlineData("/dev/ttyAMA0")]
    [InlineData("/dev/serial0")]
    public void Registry_ScannerOnTheUart_ReservesUartPinsEvenWithUartOff(string device)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Registry(new BoardOptions(), new ScannerOptions { Device = device }, new PinClaim("Intercom:AmpEnablePin", 14)));

        Assert.Contains($"Scanner:Device {device} (UART TXD) and Intercom:AmpEnablePin both use GPIO 14", e.Message);
    }

    [Fact]
    public void Registry_DisabledScannerOnTheUart_ReservesNothing()
    {
        var registry = Registry(new BoardOptions(), new ScannerOptions { Enabled = false, Device = "/dev/ttyAMA0" }, new PinClaim("Intercom:AmpEnablePin", 14));

        Assert.Equal(14, registry.Pin("Intercom:AmpEnablePin"));
    }

    private static PinRegistry Registry(BoardOptions board, ScannerOptions scanner, params PinClaim[] claims) =>
        new(54, "gpiochip0", BusPinClaimSource.For(board, scanner).Concat(claims));
}
