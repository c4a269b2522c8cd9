using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Hardware.Scanner;

/// <summary>The QR scanner on a serial line, USB-CDC or UART (configuration section <c>Scanner</c>).</summary>
public sealed class ScannerOptions
{
    public const string Section = "Scanner";

    /// <summary>False on a kiosk without a scanner (passes then come only over MQTT). The simulated board never opens one.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The serial device, e.g. /dev/ttyACM0 (USB-CDC) or /dev/ttyAMA0 (UART).</summary>
    [Required]
    [RegularExpression("^/dev/.+", ErrorMessage = "Scanner:Device must be a device path such as /dev/ttyACM0")]
    public string Device { get; set; } = "/dev/ttyACM0";

    /// <summary>Serial speed of the scanner in baud (USB-CDC scanners ignore it; a UART scanner needs its configured speed).</summary>
    [Range(1200, 4_000_000)]
    public int BaudRate { get; set; } = 9600;

    /// <summary>Wait between attempts to open the device after it failed or went away.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest accepted line: a 4096-byte pass plus room for a URL around it. Longer lines are discarded.</summary>
    [Range(256, 65_536)]
    public int MaxLineBytes { get; set; } = ScanLineReader.DefaultMaxLineBytes;
}
