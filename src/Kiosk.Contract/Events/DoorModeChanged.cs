namespace Kiosk.Contract.Events;

/// <summary><c>door.mode</c>: A door's mode changed (type <c>door.mode</c>).</summary>
/// <param name="Door">The door id.</param>
/// <param name="Mode">The new mode (<see cref="Vocabulary.DoorModes"/>).</param>
/// <param name="Via">remote or manual.</param>
/// <param name="Sub">Who changed it, when a token did.</param>
public sealed record DoorModeChanged(
    string Door,
    string Mode,
    string Via,
    string? Sub = null) : KioskEventBody;
