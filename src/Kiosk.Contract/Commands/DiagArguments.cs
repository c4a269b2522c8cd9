namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>diag</c>.</summary>
/// <param name="Checks">Check names to run; absent means all.</param>
public sealed record DiagArguments(
    IReadOnlyList<string>? Checks = null);
