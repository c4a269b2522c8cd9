using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary>
/// <c>kioskctl sim scan TEXT</c>: the scanner reads TEXT (a bare token or a URL whose t= holds it), and
/// the decision is printed as the person at the door gets it: <c>granted: door rest</c> or
/// <c>denied: expired</c> (with the door when the pass named one). Exit code 0 either way: the scan happened.
/// </summary>
internal static class SimScanCommand
{
    public static Command Create(CtlContext context)
    {
        var text = new Argument<string>("text") { Description = "what the scanner reads: a bare token, or a URL whose query parameter t holds it (quote it)" };
        var command = new Command("scan", "Scan a pass as the QR scanner would and print the decision (the door granted, or the deny reason).");
        command.Arguments.Add(text);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await context.Client(parse).RequestAsync("sim.scan", new JsonObject { ["text"] = parse.GetRequiredValue(text) }, cancellationToken).ConfigureAwait(false);
            if (Describe(result) is { } line)
            {
                context.Out.WriteLine(line);
            }
            else
            {
                TreePrinter.Print(context.Out, result ?? JsonValue.Create("ok"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The decision as one line; null for an answer that is not a decision.</summary>
    internal static string? Describe(JsonNode? result)
    {
        if (result?["granted"] is not JsonValue granted || granted.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        var door = result["door"] is JsonValue d && d.TryGetValue<string>(out var id) ? id : null;
        if (granted.GetValue<bool>())
        {
            return $"granted: door {door}";
        }

        var reason = result["reason"] is JsonValue r && r.TryGetValue<string>(out var why) ? why : "unknown";
        return door is null ? $"denied: {reason}" : $"denied: {reason} (door {door})";
    }
}
