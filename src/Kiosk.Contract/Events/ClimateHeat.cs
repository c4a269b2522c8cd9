namespace Kiosk.Contract.Events;

/// <summary><c>climate.heat</c>: a cabin has been at or above its heat limit with people inside (docs/climate.md).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Celsius">Cabin temperature, °C (one decimal).</param>
/// <param name="Limit">Climate:HeatCelsius, °C.</param>
/// <param name="People">People inside by the occupancy estimate.</param>
public sealed record ClimateHeat(string Cabin, double Celsius, double Limit, int People) : KioskEventBody;
