using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary>One circuit in <c>state.circuits</c> (docs/power.md).</summary>
/// <param name="On">Whether the relay is on.</param>
/// <param name="Watts">Draw now, W (rounded).</param>
/// <param name="Wh">Energy since installation, Wh (one decimal).</param>
/// <param name="Limit">The circuit's limit, W.</param>
/// <param name="Tripped">Off after a trip, until cooldown or reset.</param>
/// <param name="LockedOut">Off after too many trips, until reset.</param>
/// <param name="Shed">Off to keep the kiosk under its limit.</param>
/// <param name="Fault">The meter fault (<c>no_answer</c>, <c>overflow</c>, ...), or null.</param>
/// <param name="Manual"><c>on</c>/<c>off</c> when set by hand or command, null under automatic control.</param>
public sealed record CircuitState(
    bool On,
    double Watts,
    double Wh,
    double Limit,
    bool Tripped,
    bool LockedOut,
    bool Shed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Fault,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Manual);
