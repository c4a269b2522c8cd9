using System.Text.Json;

namespace Kiosk.Ctl;

/// <summary><c>kioskctl status [--json]</c>.</summary>
internal static class StatusVerb
{
    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var json = args.Flag("json");
        args.EnsureAllUsed();
        var result = await client.RequestAsync("status", null, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            stdout.WriteLine(result?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            CtlApp.PrintTree(stdout, result);
        }

        return 0;
    }
}
