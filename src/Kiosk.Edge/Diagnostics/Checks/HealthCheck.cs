using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.State;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>health</c>: the service's own liveness and readiness (the "health" state section the systemd
/// watchdog follows): not live fails (systemd will restart the service), not ready warns.
/// </summary>
internal sealed class HealthCheck(StateBoard state) : DiagnosticCheck
{
    public override string Name => "health";

    public override string Category => "system";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (state.Get("health") is not JsonObject health)
        {
            return ValueTask.FromResult(CheckResult.Warn("no health report yet", "the health monitor reports within seconds of start; run diag again"));
        }

        var live = health["live"]?.GetValueKind() == JsonValueKind.True;
        var ready = health["ready"]?.GetValueKind() == JsonValueKind.True;
        var failing = (health["checks"] as JsonObject ?? [])
            .Where(c => c.Value?["ok"]?.GetValueKind() != JsonValueKind.True)
            .Select(c => c.Value?["detail"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? $"{c.Key} ({d.GetValue<string>()})" : c.Key)
            .ToList();
        var detail = $"live {(live ? "yes" : "no")}, ready {(ready ? "yes" : "no")}{(failing.Count > 0 ? $"; not ok: {string.Join(", ", failing)}" : "")}";
        if (!live)
        {
            return ValueTask.FromResult(CheckResult.Fail(detail, "a service loop has stopped beating: the systemd watchdog restarts the service; `journalctl -u kiosk-edge` shows why"));
        }

        return ValueTask.FromResult(ready
            ? CheckResult.Pass(detail)
            : CheckResult.Warn(detail, "the service runs but is not ready: see the storage and broker checks"));
    }
}
