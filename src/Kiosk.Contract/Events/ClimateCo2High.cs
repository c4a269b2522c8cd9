namespace Kiosk.Contract.Events;

/// <summary><c>climate.co2_high</c>: a cabin's CO2 has been at or above its limit (docs/climate.md).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Ppm">CO2, parts per million.</param>
/// <param name="Limit">Climate:Co2HighPpm, ppm.</param>
public sealed record ClimateCo2High(string Cabin, double Ppm, double Limit) : KioskEventBody;
