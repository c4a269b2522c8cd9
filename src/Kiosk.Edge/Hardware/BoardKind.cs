namespace Kiosk.Edge.Hardware;

public enum BoardKind
{
    /// <summary>In-memory chip, scanner and meters: development and tests.</summary>
    Simulated,

    /// <summary>The board's GPIO character device through libgpiod.</summary>
    Libgpiod,
}
