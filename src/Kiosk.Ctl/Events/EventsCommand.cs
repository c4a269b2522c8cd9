using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Events;

/// <summary><c>kioskctl events [--since SEQ] [--follow] [--json]</c>: the local event record.</summary>
internal static class EventsCommand
{
    public static Command Create(CtlContext context)
    {
        var since = new Option<long>("--since")
        {
            Description = "start after this event sequence number (seq); default: the last 50 events",
            HelpName = "SEQ",
        }.InRange(0, long.MaxValue, "an event sequence number (0 or more)");
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing new events as they are recorded, until Ctrl+C" };
        var json = CtlOptions.Json("each event (one JSON object a line, as on the wire)");
        var command = new Command("events", "Print the local event record: seq, time, type and fields of each event.") { since, follow, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new JsonObject { ["follow"] = parse.GetValue(follow) };
            if (parse.Given(since))
            {
                request["since"] = parse.GetValue(since);
            }

            var asJson = parse.GetValue(json);
            await context.Client(parse).StreamAsync("events", request, line =>
            {
                foreach (var e in line is JsonArray batch ? batch.OfType<JsonObject>() : line is JsonObject one ? [one] : [])
                {
                    context.Out.WriteLine(asJson ? e.ToJsonString() : EventLine(e));
                }

                context.Out.Flush();
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"seq ts type key=value ...", the form crews grep (the envelope, epoch included, stays in --json).</summary>
    private static string EventLine(JsonObject e)
    {
        var rest = string.Join(' ', e.Where(p => p.Key is not ("id" or "seq" or "ts" or "type" or "epoch"))
            .Select(p => $"{p.Key}={(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "-")}"));
        return $"{e["seq"],6} {e["ts"]} {e["type"],-24} {rest}";
    }
}
