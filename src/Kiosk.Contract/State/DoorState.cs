using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary>One door in <c>state.doors</c>.</summary>
/// <param name="Lock"><c>locked</c> or <c>unlocked</c>.</param>
/// <param name="Contact"><c>open</c> or <c>closed</c>.</param>
/// <param name="Mode"><see cref="Vocabulary.DoorModes"/>.</param>
/// <param name="Alarm">null, <c>held_open</c> or <c>forced_open</c>.</param>
public sealed record DoorState(
    string Lock,
    string Contact,
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Alarm);
