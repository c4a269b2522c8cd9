using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// Runs a contract command on the kiosk through the <c>command</c> control operation: the service's
/// CommandRouter executes it as a manual command (recorded with via manual).
/// </summary>
internal static class LocalCommand
{
    public static async Task<int> RunAsync(ControlClient client, string name, JsonObject arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var result = await client.RequestAsync("command", new JsonObject { ["name"] = name, ["args"] = arguments }, cancellationToken).ConfigureAwait(false);
        CtlApp.PrintTree(stdout, result is JsonObject { Count: > 0 } ? result : JsonValue.Create("ok"));
        return 0;
    }

    public static CtlException Usage(string usage) => new($"usage: {usage}") { ExitCode = 2 };
}
