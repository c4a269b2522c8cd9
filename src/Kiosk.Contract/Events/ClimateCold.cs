namespace Kiosk.Contract.Events;

/// <summary><c>climate.cold</c>: a cabin has been at or below its cold limit (docs/climate.md).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Celsius">Cabin temperature, °C (one decimal).</param>
/// <param name="Limit">Climate:ColdCelsius, °C.</param>
public sealed record ClimateCold(string Cabin, double Celsius, double Limit) : KioskEventBody;
