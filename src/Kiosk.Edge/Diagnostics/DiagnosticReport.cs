using System.Text.Json.Nodes;
using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;

namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// The result document of a diagnostics run. Its JSON shape is stable (docs/diagnostics.md):
/// <c>{"ts","kiosk","summary":{"pass","warn","fail"},"checks":[{"name","category","status","detail","hint","durationMs"}]}</c>.
/// </summary>
internal sealed record DiagnosticReport(DateTimeOffset Ts, string Kiosk, IReadOnlyList<CheckOutcome> Checks)
{
    public int Count(CheckStatus status) => Checks.Count(c => c.Result.Status == status);

    public bool Failed => Count(CheckStatus.Fail) > 0;

    public static string Wire(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Warn => "warn",
        _ => "fail",
    };

    /// <summary>The report as the contract's <see cref="DiagReport"/> (the <c>diag</c> reply's result).</summary>
    public DiagReport ToContract() => new(
        Ts,
        Kiosk,
        Summary(),
        [.. Checks.Select(c => new DiagCheck(c.Name, c.Category, Wire(c.Result.Status), c.Result.Detail, c.Result.Hint, (long)Math.Round(c.Duration.TotalMilliseconds)))]);

    /// <summary>The report document as JSON (kioskctl diag over the control socket).</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(ToContract(), ContractJsonContext.Default.DiagReport)!.AsObject();

    public DiagSummary Summary() => new(Count(CheckStatus.Pass), Count(CheckStatus.Warn), Count(CheckStatus.Fail));
}
