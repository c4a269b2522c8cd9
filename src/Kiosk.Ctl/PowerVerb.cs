using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary><c>kioskctl power on|off|reset --circuit C</c>: the power command, run locally (via manual).</summary>
internal static class PowerVerb
{
    private const string UsageText = "kioskctl power on|off|reset --circuit C";

    public static Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (args.Positional is not [_, var action] || action is not ("on" or "off" or "reset") || args.Option("circuit") is not { Length: > 0 } circuit)
        {
            throw LocalCommand.Usage(UsageText);
        }

        args.EnsureAllUsed();
        return LocalCommand.RunAsync(client, "power", new JsonObject { ["circuit"] = circuit, ["action"] = action }, stdout, cancellationToken);
    }
}
