namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>unlock</c>.</summary>
/// <param name="Door">The door released.</param>
public sealed record UnlockResult(
    string Door);
