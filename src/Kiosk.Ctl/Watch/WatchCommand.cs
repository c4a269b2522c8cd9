using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Kiosk.Ctl.Watch;

/// <summary>
/// <c>kioskctl watch [--interval SECONDS] [--once]</c>: a live view for a crew on site: doors, circuits,
/// occupancy, link, health, maintenance and the latest events, refreshed every interval. On a terminal it
/// is a Spectre live layout that ends with q or Ctrl+C; off a terminal each frame is printed as plain text.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CtlContext context)
    {
        var interval = new Option<double>("--interval")
        {
            Description = "seconds between refreshes, 0.1 to 3600",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 1,
        }.InRange(0.1, 3600, "a number of seconds from 0.1 to 3600");
        var once = new Option<bool>("--once") { Description = "print one frame as plain text and exit" };
        var command = new Command("watch", "Live view of doors, circuits, occupancy, link, health and the latest events (q quits).") { interval, once };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = context.Client(parse);
            if (parse.GetValue(once))
            {
                context.Out.Write(CtlContext.Plain((await FrameAsync(client, cancellationToken).ConfigureAwait(false)).Plain()));
                return ExitCodes.Ok;
            }

            var loop = new WatchLoop(context, client, TimeSpan.FromSeconds(parse.GetValue(interval)));
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads the status and the latest events from the service.</summary>
    public static async Task<WatchFrame> FrameAsync(ControlClient client, CancellationToken cancellationToken)
    {
        var status = await client.RequestAsync("status", null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
        var lastSeq = status["events"]?["lastSeq"] is JsonValue v && v.TryGetValue<long>(out var seq) ? seq : 0;
        var events = new List<JsonObject>();
        await client.StreamAsync("events", new JsonObject { ["since"] = Math.Max(0, lastSeq - WatchFrame.RecentEvents) }, line =>
        {
            if (line is JsonArray batch)
            {
                events.AddRange(batch.OfType<JsonObject>());
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        return new WatchFrame(status, events);
    }
}
