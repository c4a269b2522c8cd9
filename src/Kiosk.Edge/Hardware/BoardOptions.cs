using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Hardware;

/// <summary>Which board the service drives (configuration section <c>Board</c>).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

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
}
