namespace Kiosk.Contract.Events;

/// <summary><c>climate.cleared</c>: a cabin climate alarm ended (docs/climate.md).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Alarm"><c>heat</c>, <c>cold</c>, <c>co2_high</c> or <c>aircon_ineffective</c>.</param>
/// <param name="Reason"><c>cooled</c>, <c>empty</c>, <c>warmed</c>, <c>ventilated</c> or <c>stopped</c>.</param>
/// <param name="Celsius">Cabin temperature, °C; absent while the sensor has no reading.</param>
/// <param name="Ppm">CO2, ppm; absent without a CO2 reading.</param>
public sealed record ClimateCleared(string Cabin, string Alarm, string Reason, double? Celsius = null, double? Ppm = null) : KioskEventBody;
