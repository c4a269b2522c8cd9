using Kiosk.Edge.Hardware.Scanner;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// The header pins that belong to an enabled bus (Raspberry Pi 40-pin header, BCM numbering; pinout from
/// the Raspberry Pi documentation, "GPIO and the 40-pin header"). Registered before every feature's claims,
/// so a door or relay on a bus pin fails as "Board:I2c (I2C1 SDA) and Doors:Cabins:rest:LockPin both use GPIO 2".
/// </summary>
internal sealed class BusPinClaimSource(IOptions<BoardOptions> board, IOptions<ScannerOptions> scanner) : PinClaimSource
{
    /// <summary>Serial devices that are the header's primary UART (GPIO 14/15) on Raspberry Pi OS.</summary>
    private static readonly string[] UartDevices = ["/dev/ttyAMA0", "/dev/serial0", "/dev/ttyS0"];

    public override IEnumerable<PinClaim> Claims() => For(board.Value, scanner.Value);

    internal static IEnumerable<PinClaim> For(BoardOptions board, ScannerOptions scanner)
    {
        if (board.I2c)
        {
            yield return new PinClaim("Board:I2c (I2C1 SDA)", 2, Bus: true);
            yield return new PinClaim("Board:I2c (I2C1 SCL)", 3, Bus: true);
        }

        if (board.Uart)
        {
            yield return new PinClaim("Board:Uart (UART TXD)", 14, Bus: true);
            yield return new PinClaim("Board:Uart (UART RXD)", 15, Bus: true);
        }
        else if (scanner.Enabled && UartDevices.Contains(scanner.Device, StringComparer.Ordinal))
        {
            yield return new PinClaim($"Scanner:Device {scanner.Device} (UART TXD)", 14, Bus: true);
            yield return new PinClaim($"Scanner:Device {scanner.Device} (UART RXD)", 15, Bus: true);
        }

        if (board.Spi)
        {
            yield return new PinClaim("Board:Spi (SPI0 CE1)", 7, Bus: true);
            yield return new PinClaim("Board:Spi (SPI0 CE0)", 8, Bus: true);
            yield return new PinClaim("Board:Spi (SPI0 MISO)", 9, Bus: true);
            yield return new PinClaim("Board:Spi (SPI0 MOSI)", 10, Bus: true);
            yield return new PinClaim("Board:Spi (SPI0 SCLK)", 11, Bus: true);
        }
    }
}
