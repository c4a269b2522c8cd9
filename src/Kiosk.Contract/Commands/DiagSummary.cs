namespace Kiosk.Contract.Commands;

/// <summary>How many checks passed, warned and failed.</summary>
/// <param name="Pass">Checks that passed.</param>
/// <param name="Warn">Checks that warned.</param>
/// <param name="Fail">Checks that failed.</param>
public sealed record DiagSummary(
    int Pass,
    int Warn,
    int Fail);
