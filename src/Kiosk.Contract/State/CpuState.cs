using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary><c>state.climate.cpu</c>.</summary>
/// <param name="Celsius">The board's CPU temperature, °C (one decimal); null where the board does not tell.</param>
public sealed record CpuState([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Celsius);
