using System.CommandLine;
using System.Text.Json.Nodes;
using Kiosk.Contract.Commands;

namespace Kiosk.Ctl.Announce;

/// <summary>
/// <c>kioskctl announce (--text T | --clip NAME) [--priority info|urgent] [--volume N]</c>: the
/// announce command, run locally (via manual).
/// </summary>
internal static class AnnounceCommand
{
    public static Command Create(CtlContext context)
    {
        var text = new Option<string>("--text") { Description = "text to speak (text to speech)", HelpName = "T" };
        var clip = new Option<string>("--clip") { Description = "a recorded clip to play, by name", HelpName = "NAME" };
        var priority = new Option<string>("--priority") { Description = "urgent interrupts what is playing; default info" };
        priority.AcceptOnlyFromAmong("info", "urgent");
        var volume = new Option<int>("--volume") { Description = "volume, a whole number (the service checks its range); default: configured", HelpName = "N" }.InRange(0, int.MaxValue, "a whole number, 0 or more");
        var command = new Command("announce", "Speak a text or play a clip on the loudspeaker, recorded as via manual.") { text, clip, priority, volume };
        command.Validators.Add(r =>
        {
            if (r.Given(text) == r.Given(clip))
            {
                r.AddError("announce needs either --text or --clip");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var arguments = parse.GetValue(text) is { } t ? new JsonObject { ["text"] = t } : new JsonObject { ["clip"] = parse.GetValue(clip) };
            if (parse.GetValue(priority) is { } p)
            {
                arguments["priority"] = p;
            }

            if (parse.Given(volume))
            {
                arguments["volume"] = parse.GetValue(volume);
            }

            return LocalCommand.RunAsync(context.Client(parse), CommandNames.Announce, arguments, context.Out, cancellationToken);
        });
        return command;
    }
}
