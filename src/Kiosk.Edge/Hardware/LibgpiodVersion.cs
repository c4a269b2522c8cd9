namespace Kiosk.Edge.Hardware;

/// <summary>Which libgpiod generation drives the chip (configuration key <c>Board:LibgpiodVersion</c>).</summary>
public enum LibgpiodVersion
{
    /// <summary>libgpiod 2.x when its library (libgpiod.so.3) is installed, else 1.x.</summary>
    Auto,

    /// <summary>libgpiod 0.x/1.x (libgpiod.so.1/.so.2, Debian package libgpiod2).</summary>
    V1,

    /// <summary>libgpiod 2.x (libgpiod.so.3, Debian package libgpiod3).</summary>
    V2,
}
