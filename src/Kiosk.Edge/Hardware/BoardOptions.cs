using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Hardware;

/// <summary>Which board the service drives (configuration section <c>Board</c>).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>Libgpiod drives the board's GPIO chip; Simulated runs without hardware (development, tests, a bench check).</summary>
    public BoardKind Kind { get; set; } = BoardKind.Libgpiod;

    /// <summary>GPIO chip number (/dev/gpiochipN).</summary>
    [Range(0, 64)]
    public int Chip { get; set; }

    /// <summary>The libgpiod generation to use for the chip; Auto picks 2.x when installed.</summary>
    [EnumDataType(typeof(LibgpiodVersion))]
    public LibgpiodVersion LibgpiodVersion { get; set; } = LibgpiodVersion.Auto;

    /// <summary>Input debounce: an input must hold its new level this long before it counts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// I2C bus 1 is enabled (dtparam=i2c_arm=on; RTC and INA219/INA226 meters): GPIO 2 (SDA) and 3 (SCL) are
    /// the bus's, and a pin setting that uses them stops the service.
    /// </summary>
    public bool I2c { get; set; }

    /// <summary>
    /// The primary UART is enabled (enable_uart=1; a scanner on /dev/ttyAMA0 or /dev/serial0): GPIO 14 (TXD) and
    /// 15 (RXD) are the UART's. Also reserved whenever Scanner:Device is one of those devices.
    /// </summary>
    public bool Uart { get; set; }

    /// <summary>SPI0 is enabled (dtparam=spi=on): GPIO 7 to 11 (CE1, CE0, MISO, MOSI, SCLK) are the bus's.</summary>
    public bool Spi { get; set; }
}
