using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary>One cabin in <c>state.occupancy</c> (docs/occupancy-intercom.md).</summary>
/// <param name="Count">People inside (estimate).</param>
/// <param name="Capacity">The cabin's capacity.</param>
/// <param name="Full">Count at or above capacity.</param>
/// <param name="Presence">The presence sensor's reading; null without a sensor.</param>
/// <param name="LastActivity">Last door, beam or presence activity; null when none yet.</param>
public sealed record CabinOccupancy(
    int Count,
    int Capacity,
    bool Full,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Presence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastActivity);
