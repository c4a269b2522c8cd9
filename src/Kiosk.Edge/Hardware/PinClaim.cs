namespace Kiosk.Edge.Hardware;

/// <summary>
/// A GPIO line a feature uses, with the configuration key that chose it (for messages). <paramref name="Bus"/>:
/// the line belongs to an enabled bus (I2C, UART, SPI; <see cref="BusPinClaimSource"/>). It is reserved so that no
/// feature can use it, but the bus's kernel driver holds it, not the service's GPIO controller.
/// </summary>
public readonly record struct PinClaim(string Key, int Pin, bool Bus = false);
