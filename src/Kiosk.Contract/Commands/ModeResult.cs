namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>mode</c>.</summary>
/// <param name="Door">The door.</param>
/// <param name="Mode">The door's mode now.</param>
/// <param name="Changed">False when it already was in that mode.</param>
public sealed record ModeResult(
    string Door,
    string Mode,
    bool Changed);
