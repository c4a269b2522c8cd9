using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary><c>kioskctl events [--since SEQ] [--follow] [--json]</c>: the local event record.</summary>
internal static class EventsVerb
{
    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["follow"] = args.Flag("follow") };
        if (args.Option("since") is { } since)
        {
            request["since"] = long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? seq
                : throw new CtlException("--since takes an event sequence number");
        }

        var json = args.Flag("json");
        args.EnsureAllUsed();
        await client.StreamAsync("events", request, line =>
        {
            if (line is JsonArray batch)
            {
                foreach (var e in batch)
                {
                    Print(stdout, e, json);
                }
            }
            else if (line is JsonObject e)
            {
                Print(stdout, e, json);
            }

            stdout.Flush();
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static void Print(TextWriter stdout, JsonNode? e, bool json)
    {
        if (e is not JsonObject o)
        {
            return;
        }

        if (json)
        {
            stdout.WriteLine(o.ToJsonString());
            return;
        }

        var rest = string.Join(' ', o.Where(p => p.Key is not ("id" or "seq" or "ts" or "type"))
            .Select(p => $"{p.Key}={(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "-")}"));
        stdout.WriteLine($"{o["seq"],6} {o["ts"]} {o["type"],-24} {rest}");
    }
}
