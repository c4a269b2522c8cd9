using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary>One cabin in <c>state.climate.cabins</c>.</summary>
/// <param name="Sensor"><c>sht3x</c>, <c>sht4x</c> or <c>bme280</c>.</param>
/// <param name="Celsius">Temperature, °C (one decimal); null while the sensor has a fault.</param>
/// <param name="Humidity">Relative humidity, % (one decimal); null while the sensor has a fault.</param>
/// <param name="Fault"><c>no_answer</c>, <c>crc_error</c>, <c>implausible</c>, or null.</param>
/// <param name="Alarms">Active alarms: <c>heat</c>, <c>cold</c>, <c>co2_high</c>, <c>aircon_ineffective</c> (last on the wire).</param>
public sealed record CabinClimateState(
    string Sensor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Celsius,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Humidity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Fault,
    [property: JsonPropertyOrder(1)] IReadOnlyList<string> Alarms)
{
    /// <summary>CO2, ppm; absent without a CO2 sensor or reading.</summary>
    public double? Co2 { get; init; }

    /// <summary>The CO2 sensor's fault (<c>no_answer</c>, ...); absent when none.</summary>
    public string? Co2Fault { get; init; }
}
