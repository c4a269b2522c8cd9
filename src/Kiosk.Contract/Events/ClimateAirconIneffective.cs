using System.Text.Json.Serialization;

namespace Kiosk.Contract.Events;

/// <summary>
/// <c>climate.aircon_ineffective</c>: a cabin's air-conditioning circuit has drawn power for the whole
/// window and the cabin has not cooled (docs/climate.md).
/// </summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Circuit">The air-conditioning circuit id.</param>
/// <param name="Celsius">Cabin temperature now, °C.</param>
/// <param name="StartCelsius">Cabin temperature when the air conditioner started, °C.</param>
/// <param name="Minutes">Climate:AirconWindow, minutes.</param>
public sealed record ClimateAirconIneffective(
    string Cabin,
    string Circuit,
    double Celsius,
    [property: JsonPropertyName("start_celsius")] double StartCelsius,
    double Minutes) : KioskEventBody;
