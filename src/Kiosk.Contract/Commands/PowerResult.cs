using System.Text.Json.Serialization;
using Kiosk.Contract.State;

namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>power</c>: the circuit's state after the action (the fields of <see cref="CircuitState"/>) and its id last.</summary>
/// <param name="On">Whether the relay is on.</param>
/// <param name="Watts">Draw now, W (rounded).</param>
/// <param name="Wh">Energy since installation, Wh (one decimal).</param>
/// <param name="Limit">The circuit's limit, W.</param>
/// <param name="Tripped">Off after a trip, until cooldown or reset.</param>
/// <param name="LockedOut">Off after too many trips, until reset.</param>
/// <param name="Shed">Off to keep the kiosk under its limit.</param>
/// <param name="Fault">The meter fault, or null.</param>
/// <param name="Manual"><c>on</c>/<c>off</c> when set by hand or command, null under automatic control.</param>
/// <param name="Circuit">The circuit id.</param>
public sealed record PowerResult(
    bool On,
    double Watts,
    double Wh,
    double Limit,
    bool Tripped,
    bool LockedOut,
    bool Shed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Fault,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Manual,
    string Circuit)
{
    /// <summary>The result for <paramref name="circuit"/> in <paramref name="state"/>.</summary>
    public static PowerResult From(string circuit, CircuitState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.On, state.Watts, state.Wh, state.Limit, state.Tripped, state.LockedOut, state.Shed, state.Fault, state.Manual, circuit);
    }
}
