using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl maintenance [on|off|status]</c>: maintenance mode, which gates the tests that move
/// hardware. <c>on</c> needs local root (the service checks the caller's uid): <c>sudo kioskctl maintenance on</c>.
/// </summary>
internal static class MaintenanceVerb
{
    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var action = args.Positional switch
        {
            [_] => "status",
            [_, "on" or "off" or "status"] => args.Positional[1],
            _ => throw LocalCommand.Usage("kioskctl maintenance [on|off|status]"),
        };
        args.EnsureAllUsed();
        JsonNode? result;
        try
        {
            result = await client.RequestAsync("maintenance", new JsonObject { ["action"] = action }, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e) when (e.ExitCode == 1)
        {
            throw new CtlException(e.Message) { ExitCode = 4 };
        }

        CtlApp.PrintTree(stdout, result);
        return 0;
    }
}
