namespace Kiosk.Contract.Commands;

/// <summary>
/// The result of <c>diag</c> (and of <c>kioskctl diag --json</c>), docs/diagnostics.md:
/// <c>{"ts","kiosk","summary":{"pass","warn","fail"},"checks":[{"name","category","status","detail","hint","durationMs"}]}</c>.
/// </summary>
/// <param name="Ts">When the run finished.</param>
/// <param name="Kiosk">The kiosk id.</param>
/// <param name="Summary">Counts per status.</param>
/// <param name="Checks">Every check run, in run order.</param>
public sealed record DiagReport(DateTimeOffset Ts, string Kiosk, DiagSummary Summary, IReadOnlyList<DiagCheck> Checks);
