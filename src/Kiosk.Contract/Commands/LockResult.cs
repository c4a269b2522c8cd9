namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>lock</c>.</summary>
/// <param name="Door">The door.</param>
/// <param name="Lock"><c>locked</c> or <c>unlocked</c> (still open, e.g. hold_open).</param>
/// <param name="Mode">The door's mode.</param>
public sealed record LockResult(
    string Door,
    string Lock,
    string Mode);
