namespace Kiosk.Contract.Commands;

/// <summary>Arguments (token claims besides <c>cmd</c>) of <c>unlock</c>; the token is a pass.</summary>
/// <param name="Door">The door; absent means the kiosk's first door.</param>
public sealed record UnlockArguments(
    string? Door = null);
