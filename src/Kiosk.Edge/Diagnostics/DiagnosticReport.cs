using System.Text.Json.Nodes;
using Kiosk.Edge.Events;

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

    public JsonObject ToJson() => new()
    {
        ["ts"] = KioskEvent.FormatTimestamp(Ts),
        ["kiosk"] = Kiosk,
        ["summary"] = Summary(),
        ["checks"] = new JsonArray([.. Checks.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["category"] = c.Category,
            ["status"] = Wire(c.Result.Status),
            ["detail"] = c.Result.Detail,
            ["hint"] = c.Result.Hint,
            ["durationMs"] = (long)Math.Round(c.Duration.TotalMilliseconds),
        })]),
    };

    public JsonObject Summary() => new()
    {
        ["pass"] = Count(CheckStatus.Pass),
        ["warn"] = Count(CheckStatus.Warn),
        ["fail"] = Count(CheckStatus.Fail),
    };
}
