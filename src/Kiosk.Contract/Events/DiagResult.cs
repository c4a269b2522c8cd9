using Kiosk.Contract.Commands;

namespace Kiosk.Contract.Events;

/// <summary><c>diag.result</c>: A diagnostics run finished; a small summary (the full report is the command's reply).</summary>
/// <param name="Via">remote or manual.</param>
/// <param name="Summary">Counts per status.</param>
/// <param name="Problems">The checks that did not pass, worst first (at most a few).</param>
public sealed record DiagResult(
    string Via,
    DiagSummary Summary,
    IReadOnlyList<DiagProblem> Problems) : KioskEventBody;
