using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl sim ...</c>: drives the simulated board. The common verbs have their own shapes;
/// anything else maps <c>sim NAME --key value</c> to the <c>sim.NAME</c> operation with those arguments.
/// </summary>
internal static class SimVerb
{
    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var words = args.Positional;
        if (words.Count < 2)
        {
            throw new CtlException("sim needs a verb: scan TEXT | press exit | door open|close | NAME --arg value");
        }

        (string op, JsonObject request) = words[1] switch
        {
            "scan" when words.Count == 3 => ("sim.scan", new JsonObject { ["text"] = words[2] }),
            "scan" => throw new CtlException("usage: kioskctl sim scan TEXT (quote the text)"),
            "press" when words.Count == 3 => ("sim.press", WithDoor(args, new JsonObject { ["button"] = words[2] })),
            "press" => throw new CtlException("usage: kioskctl sim press exit [--door D]"),
            "door" when words.Count == 3 && words[2] is "open" or "close" => ("sim.door", WithDoor(args, new JsonObject { ["action"] = words[2] })),
            "door" => throw new CtlException("usage: kioskctl sim door open|close [--door D]"),
            _ => ("sim." + words[1], Generic(args)),
        };

        args.EnsureAllUsed();
        var result = await client.RequestAsync(op, request, cancellationToken).ConfigureAwait(false);
        CtlApp.PrintTree(stdout, result ?? JsonValue.Create("ok"));
        return 0;
    }

    private static JsonObject WithDoor(ArgReader args, JsonObject request)
    {
        if (args.Option("door") is { } door)
        {
            request["door"] = door;
        }

        return request;
    }

    /// <summary>Every --key value pair becomes an argument; numbers and booleans keep their type.</summary>
    private static JsonObject Generic(ArgReader args)
    {
        var o = new JsonObject();
        foreach (var name in args.OptionNames.Where(n => n != "socket"))
        {
            var value = args.Option(name)!;
            o[name] = value switch
            {
                "true" => true,
                "false" => false,
                _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => value,
            };
        }

        return o;
    }
}
