using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Diag;

/// <summary>The checks run of <c>kioskctl diag</c>: asks the service, prints the table or the document.</summary>
internal static class DiagChecks
{
    public static async Task<int> RunAsync(CtlContext context, string[]? checks, bool json, ControlClient client, CancellationToken cancellationToken)
    {
        var request = new JsonObject();
        if (checks is not null)
        {
            request["checks"] = new JsonArray([.. checks.Select(n => (JsonNode)n)]);
        }

        JsonNode? report;
        try
        {
            report = await client.RequestAsync("diag", request, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e) when (e.ExitCode == ExitCodes.Failed)
        {
            // The service refuses only what the caller asked wrongly (an unknown check name).
            throw new CtlException(e.Message) { ExitCode = e.Message.StartsWith("unknown check", StringComparison.Ordinal) ? ExitCodes.Usage : ExitCodes.Refused };
        }

        if (json)
        {
            context.Out.WriteLine(JsonText.Indented(report));
        }
        else
        {
            DiagTable.Write(context, report);
        }

        return report?["summary"]?["fail"]?.GetValue<int>() > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
