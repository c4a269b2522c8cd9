namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>lock</c>.</summary>
/// <param name="Door">The door; absent means the kiosk's first door.</param>
public sealed record LockArguments(
    string? Door = null);
