using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl watch [--interval SECONDS] [--once]</c>: a terminal view for a crew on site, redrawn
/// every interval (clear screen + redraw, plain ANSI): doors, circuits, occupancy, link, health,
/// maintenance and the latest events. Ends with q or Ctrl+C. <c>--once</c> prints one frame.
/// Sections are read defensively: whatever a section holds is shown, a missing one as "-".
/// </summary>
internal static class WatchVerb
{
    private const string ClearScreen = "\u001b[H\u001b[2J";
    private const int RecentEvents = 8;

    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            throw LocalCommand.Usage("kioskctl watch [--interval SECONDS] [--once]");
        }

        var interval = TimeSpan.FromSeconds(1);
        if (args.Option("interval") is { } text)
        {
            interval = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0.1 and <= 3600
                ? TimeSpan.FromSeconds(s)
                : throw LocalCommand.Usage("kioskctl watch --interval SECONDS (0.1 to 3600)");
        }

        var once = args.Flag("once");
        args.EnsureAllUsed();
        if (once)
        {
            stdout.Write(await FrameAsync(client, cancellationToken).ConfigureAwait(false));
            return 0;
        }

        var keys = !Console.IsInputRedirected;
        while (!cancellationToken.IsCancellationRequested)
        {
            string frame;
            try
            {
                frame = await FrameAsync(client, cancellationToken).ConfigureAwait(false);
            }
            catch (CtlException e) when (e.ExitCode == 3)
            {
                // Keep watching through a service restart.
                frame = $"{e.Message}\nretrying every {interval.TotalSeconds:0.#} s (q to quit)\n";
            }

            stdout.Write(ClearScreen + frame);
            stdout.Flush();
            if (await WaitForQuitAsync(interval, keys, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        return 0;
    }

    private static async Task<string> FrameAsync(ControlClient client, CancellationToken cancellationToken)
    {
        var status = await client.RequestAsync("status", null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
        var lastSeq = status["events"]?["lastSeq"] is JsonValue v && v.TryGetValue<long>(out var seq) ? seq : 0;
        var events = new List<JsonObject>();
        await client.StreamAsync("events", new JsonObject { ["since"] = Math.Max(0, lastSeq - RecentEvents) }, line =>
        {
            if (line is JsonArray batch)
            {
                events.AddRange(batch.OfType<JsonObject>());
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        return Render(status, events);
    }

    /// <summary>One frame from the status result and recent events.</summary>
    internal static string Render(JsonObject status, IReadOnlyList<JsonObject> events)
    {
        var b = new StringBuilder();
        var state = status["state"] as JsonObject ?? [];
        b.Append(CultureInfo.InvariantCulture, $"kiosk {Text(status["id"])}  version {Text(status["version"])}  boot {Text(status["boot"])}  {Text(status["ts"])}   (q quits)\n");
        b.Append(CultureInfo.InvariantCulture, $"maintenance: {Flat(state["maintenance"])}\n");
        b.Append(CultureInfo.InvariantCulture, $"link: {Flat(state["link"])}\n");
        b.Append(CultureInfo.InvariantCulture, $"health: {Flat(state["health"])}\n");
        b.Append(CultureInfo.InvariantCulture, $"outbox: {Flat(status["events"])}\n");
        Table(b, "DOORS", state["doors"]);
        Table(b, "CIRCUITS", state["circuits"]);
        Table(b, "OCCUPANCY", state["occupancy"]);
        Table(b, "INTERCOM", state["intercom"]);
        b.Append("EVENTS\n");
        if (events.Count == 0)
        {
            b.Append("  -\n");
        }

        foreach (var e in events.TakeLast(RecentEvents))
        {
            var rest = string.Join(' ', e.Where(p => p.Key is not ("id" or "seq" or "ts" or "type")).Select(p => $"{p.Key}={Text(p.Value)}"));
            b.Append(CultureInfo.InvariantCulture, $"  {Text(e["seq"]),6} {Text(e["ts"])} {Text(e["type"]),-22} {rest}\n");
        }

        return b.ToString();
    }

    /// <summary>A section of entries by id (doors, circuits, cabins): one line each, "-" when missing.</summary>
    private static void Table(StringBuilder b, string title, JsonNode? section)
    {
        b.Append(title).Append('\n');
        if (section is not JsonObject o || o.Count == 0)
        {
            b.Append("  ").Append(section is null or JsonObject ? "-" : Text(section)).Append('\n');
            return;
        }

        var width = o.Select(p => p.Key.Length).Max();
        foreach (var (id, value) in o)
        {
            b.Append("  ").Append(id.PadRight(width)).Append("  ").Append(value is JsonObject ? Flat(value) : Text(value)).Append('\n');
        }
    }

    /// <summary>An object's fields as key=value, watts with their unit; nested objects in braces.</summary>
    private static string Flat(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return Text(node);
        }

        if (o.Count == 0)
        {
            return "-";
        }

        return string.Join("  ", o.Select(p => p.Value switch
        {
            JsonObject inner => $"{p.Key}={{{Flat(inner)}}}",
            _ when p.Key.Equals("watts", StringComparison.OrdinalIgnoreCase) && p.Value is JsonValue w && w.TryGetValue<double>(out var watts) =>
                $"{watts.ToString("0", CultureInfo.InvariantCulture)} W",
            _ => $"{p.Key}={Text(p.Value)}",
        }));
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a => string.Join(",", a.Select(Text)),
        _ => node.ToJsonString(),
    };

    /// <summary>Waits one interval; true when q was pressed.</summary>
    private static async Task<bool> WaitForQuitAsync(TimeSpan interval, bool keys, CancellationToken cancellationToken)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var waited = TimeSpan.Zero; waited < interval; waited += step)
        {
            while (keys && Console.KeyAvailable)
            {
                if (Console.ReadKey(intercept: true).KeyChar is 'q' or 'Q')
                {
                    return true;
                }
            }

            await Task.Delay(step, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
