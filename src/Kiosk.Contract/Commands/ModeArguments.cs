namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>mode</c>.</summary>
/// <param name="Mode"><see cref="Vocabulary.DoorModes"/>.</param>
/// <param name="Door">The door; absent means the kiosk's first door.</param>
public sealed record ModeArguments(
    string Mode,
    string? Door = null);
