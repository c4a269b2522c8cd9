using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl announce (--text T | --clip NAME) [--priority info|urgent] [--volume N]</c>: the
/// announce command, run locally (via manual).
/// </summary>
internal static class AnnounceVerb
{
    private const string UsageText = "kioskctl announce (--text T | --clip NAME) [--priority info|urgent] [--volume N]";

    public static Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var text = args.Option("text");
        var clip = args.Option("clip");
        if (args.Positional.Count != 1 || (text is null) == (clip is null))
        {
            throw LocalCommand.Usage(UsageText);
        }

        var arguments = text is not null ? new JsonObject { ["text"] = text } : new JsonObject { ["clip"] = clip };
        if (args.Option("priority") is { } priority)
        {
            arguments["priority"] = priority is "info" or "urgent" ? priority : throw LocalCommand.Usage(UsageText);
        }

        if (args.Option("volume") is { } volume)
        {
            arguments["volume"] = int.TryParse(volume, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw LocalCommand.Usage(UsageText + " (volume: a whole number)");
        }

        args.EnsureAllUsed();
        return LocalCommand.RunAsync(client, "announce", arguments, stdout, cancellationToken);
    }
}
