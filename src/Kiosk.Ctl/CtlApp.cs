using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>kioskctl: maintenance and development command line for the kiosk service.</summary>
internal static class CtlApp
{
    public const string Usage = """
        usage: kioskctl [--socket PATH] <command> ...

        config check [--file PATH]                 check the site configuration before a (re)start: every
                                                   missing or invalid key (exit 0 complete, 1 problems)
        keys new --kid KID [--out DIR]             create an ES256 key pair (KID.key.pem, KID.pub.pem)
        token issue --key FILE --kid KID --iss ISS --aud AUD[,AUD] --sub SUB
                    [--ttl SECONDS] [--role worker|steward|maintenance|operator] [--door D]
                    [--act checkin|checkout] [--cmd NAME] [--arg NAME=VALUE ...] [--jti ID] [--qr]
                                                   print a signed pass or command token
        status [--json]                            the running service's state
        events [--since SEQ] [--follow] [--json]   the local event record
        sim scan TEXT                              simulation: scan a pass (bare token or URL with t=)
        sim press exit [--door D]                  simulation: press a door's exit button
        sim door open|close [--door D]             simulation: open or close a door
        sim ARGS...                                simulation: any other sim.* operation, e.g.
                                                   sim load --circuit outlet --watts 2000
        sim fault --fault contact_stuck|meter_silent [--door D|--circuit C] [--on false]
                                                   simulation: inject (or clear) a fault to find with diag
        diag [--json] [--checks a,b]               run the on-device checks (exit 0 ok, 1 a check failed,
                                                   2 usage, 3 service unreachable, 4 refused)
        diag --actuate lock|circuit|amp [--door D|--circuit C] [--yes]
                                                   move hardware and report (maintenance mode only)
        watch [--interval SECONDS] [--once]        live view of doors, circuits, occupancy, link, events
        door unlock|lock [--door D]                local door command (recorded via manual)
        door mode --mode normal|hold_open|out_of_service [--door D]
        power on|off|reset --circuit C             local power command
        announce (--text T | --clip NAME) [--priority info|urgent] [--volume N]
        maintenance [on|off|status]                maintenance mode (on needs root: sudo)

        The socket is --socket, else $KIOSK_SOCKET, else /run/kiosk-edge/kiosk.sock
        (or /tmp/kiosk-edge-dev/run/kiosk.sock when only the development service runs).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            var reader = new ArgReader(args, Flags);
            var words = reader.Positional;
            if (words.Count == 0 || words[0] is "help" or "-h")
            {
                stdout.WriteLine(Usage);
                return words.Count == 0 ? 2 : 0;
            }

            var socket = reader.Option("socket");
            var client = new Lazy<ControlClient>(() => new ControlClient(ControlClient.ResolveSocket(socket)));
            var code = words[0] switch
            {
                "keys" => KeysVerb.Run(reader, stdout),
                "config" => ConfigVerb.Run(reader, stdout),
                "token" => TokenVerb.Run(reader, stdout),
                "status" => await StatusVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "events" => await EventsVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "sim" => await SimVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "diag" => await DiagVerb.RunAsync(reader, client.Value, Console.In, stdout, stderr, cancellationToken).ConfigureAwait(false),
                "watch" => await WatchVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "door" => await DoorVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "power" => await PowerVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "announce" => await AnnounceVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                "maintenance" => await MaintenanceVerb.RunAsync(reader, client.Value, stdout, cancellationToken).ConfigureAwait(false),
                _ => throw new CtlException($"unknown command '{words[0]}' (kioskctl help lists them)") { ExitCode = 2 },
            };
            return code;
        }
        catch (CtlException e)
        {
            stderr.WriteLine($"kioskctl: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "follow", "qr", "yes", "once" };

    /// <summary>Prints a JSON tree as indented "key: value" lines, for people.</summary>
    public static void PrintTree(TextWriter output, JsonNode? node, int indent = 0)
    {
        var pad = new string(' ', indent * 2);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonObject or JsonArray { Count: > 0 } && !IsFlat(value))
                    {
                        output.WriteLine($"{pad}{key}:");
                        PrintTree(output, value, indent + 1);
                    }
                    else
                    {
                        output.WriteLine($"{pad}{key}: {Scalar(value)}");
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    output.WriteLine($"{pad}- {Scalar(item)}");
                }

                break;
            default:
                output.WriteLine($"{pad}{Scalar(node)}");
                break;
        }
    }

    private static bool IsFlat(JsonNode value) =>
        value is JsonArray a && a.All(i => i is not JsonObject and not JsonArray);

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "-",
        JsonArray a => string.Join(", ", a.Select(Scalar)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
