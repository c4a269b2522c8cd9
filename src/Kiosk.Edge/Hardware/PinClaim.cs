namespace Kiosk.Edge.Hardware;

/// <summary>A GPIO line a feature uses, with the configuration key that chose it (for messages).</summary>
public readonly record struct PinClaim(string Key, int Pin);
