namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>ack_help</c>.</summary>
/// <param name="Cleared">False when no help call was pending.</param>
public sealed record AckHelpResult(
    bool Cleared);
