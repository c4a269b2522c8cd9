using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl door unlock|lock|mode [--door D] [--mode normal|hold_open|out_of_service]</c>: the
/// unlock, lock and mode commands, run locally (via manual). unlock opens without a pass.
/// </summary>
internal static class DoorVerb
{
    private const string UsageText = "kioskctl door unlock|lock [--door D] | door mode --mode normal|hold_open|out_of_service [--door D]";

    public static Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (args.Positional is not [_, var action] || action is not ("unlock" or "lock" or "mode"))
        {
            throw LocalCommand.Usage(UsageText);
        }

        var arguments = new JsonObject();
        if (args.Option("door") is { } door)
        {
            arguments["door"] = door;
        }

        if (action == "mode")
        {
            var mode = args.Option("mode");
            if (mode is not ("normal" or "hold_open" or "out_of_service"))
            {
                throw LocalCommand.Usage(UsageText);
            }

            arguments["mode"] = mode;
        }

        args.EnsureAllUsed();
        return LocalCommand.RunAsync(client, action, arguments, stdout, cancellationToken);
    }
}
