using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// Runs a contract command on the kiosk through the <c>command</c> control operation: the service's
/// CommandRouter executes it as a manual command (recorded with via manual). A refusal exits 1.
/// </summary>
internal static class LocalCommand
{
    public static async Task<int> RunAsync(ControlClient client, string name, JsonObject arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var result = await client.RequestAsync("command", new JsonObject { ["name"] = name, ["args"] = arguments }, cancellationToken).ConfigureAwait(false);
        TreePrinter.Print(stdout, result is JsonObject { Count: > 0 } ? result : JsonValue.Create("ok"));
        return ExitCodes.Ok;
    }
}
