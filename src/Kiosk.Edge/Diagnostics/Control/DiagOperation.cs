using System.Text.Json.Nodes;
using Kiosk.Edge.Control;

namespace Kiosk.Edge.Diagnostics.Control;

/// <summary><c>diag</c> {checks?: ["gpio", ...] or "gpio,clock"}: runs the checks and answers with the report document.</summary>
internal sealed class DiagOperation(DiagnosticsRunner runner) : ControlOperation
{
    public override string Name => "diag";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        if (!DiagnosticsArguments.TryChecks(args["checks"], out var names))
        {
            throw new ControlException("checks must be a list of check names");
        }

        if (!runner.TrySelect(names, out var selected, out var unknown))
        {
            throw new ControlException($"unknown check(s): {string.Join(", ", unknown)}; known: {string.Join(", ", runner.Names)}");
        }

        var report = await runner.RunAsync(selected, cancellationToken).ConfigureAwait(false);
        return report.ToJson();
    }
}
