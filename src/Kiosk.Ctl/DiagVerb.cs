using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl diag [--json] [--checks a,b]</c>: the service runs its checks; a table (or the report
/// document) is printed. <c>kioskctl diag --actuate lock|circuit|amp [--door D|--circuit C] [--yes]</c>:
/// a test that moves hardware, in maintenance mode only, after the crew types "yes".
/// Exit codes: 0 nothing failed (warnings allowed), 1 a check failed (or the test was cancelled),
/// 2 usage error, 3 service unreachable, 4 refused by the service (e.g. not in maintenance mode).
/// </summary>
internal static class DiagVerb
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int UsageError = 2;
    public const int Unreachable = 3;
    public const int Refused = 4;

    private const string UsageText = "kioskctl diag [--json] [--checks a,b] | diag --actuate lock|circuit|amp [--door D|--circuit C] [--yes]";

    public static async Task<int> RunAsync(ArgReader args, ControlClient client, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            throw LocalCommand.Usage(UsageText);
        }

        return args.Option("actuate") is { } target
            ? await ActuateAsync(target, args, client, stdin, stdout, stderr, cancellationToken).ConfigureAwait(false)
            : await ChecksAsync(args, client, stdout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ChecksAsync(ArgReader args, ControlClient client, TextWriter stdout, CancellationToken cancellationToken)
    {
        var json = args.Flag("json");
        var request = new JsonObject();
        if (args.Option("checks") is { } checks)
        {
            var names = checks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            request["checks"] = names.Length > 0 ? new JsonArray([.. names.Select(n => (JsonNode)n)]) : throw LocalCommand.Usage(UsageText);
        }

        args.EnsureAllUsed();
        JsonNode? report;
        try
        {
            report = await client.RequestAsync("diag", request, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e) when (e.ExitCode == 1)
        {
            // The service refuses only what the caller asked wrongly (an unknown check name).
            throw new CtlException(e.Message) { ExitCode = e.Message.StartsWith("unknown check", StringComparison.Ordinal) ? UsageError : Refused };
        }

        if (json)
        {
            stdout.WriteLine(report?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            PrintTable(stdout, report);
        }

        return report?["summary"]?["fail"]?.GetValue<int>() > 0 ? CheckFailed : Ok;
    }

    internal static void PrintTable(TextWriter stdout, JsonNode? report)
    {
        var checks = report?["checks"] as JsonArray ?? [];
        var width = Math.Max(5, checks.Select(c => Text(c?["name"]).Length).DefaultIfEmpty(0).Max());
        stdout.WriteLine($"{"CHECK".PadRight(width)}  STATUS  DETAIL");
        foreach (var c in checks)
        {
            var status = Text(c?["status"]);
            stdout.WriteLine($"{Text(c?["name"]).PadRight(width)}  {(status == "pass" ? status : status.ToUpperInvariant()),-6}  {Text(c?["detail"])}");
            if (c?["hint"] is JsonValue hint && hint.GetValueKind() == JsonValueKind.String)
            {
                stdout.WriteLine($"{new string(' ', width)}  hint:   {hint.GetValue<string>()}");
            }
        }

        var s = report?["summary"];
        stdout.WriteLine($"{Text(s?["pass"])} pass, {Text(s?["warn"])} warn, {Text(s?["fail"])} fail ({Text(report?["kiosk"])}, {Text(report?["ts"])})");
    }

    private static async Task<int> ActuateAsync(string target, ArgReader args, ControlClient client, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["target"] = target };
        string what;
        switch (target)
        {
            case "lock":
                var door = args.Option("door");
                if (door is not null)
                {
                    request["door"] = door;
                }

                what = $"release the lock of door {door ?? "(default)"} for a moment and relock it";
                break;
            case "circuit":
                var circuit = args.Option("circuit") ?? throw LocalCommand.Usage("kioskctl diag --actuate circuit --circuit C [--yes]");
                request["circuit"] = circuit;
                what = $"switch circuit {circuit} off and on again (the appliance loses power briefly)";
                break;
            case "amp":
                what = "enable the amplifier for a second";
                break;
            default:
                throw LocalCommand.Usage(UsageText);
        }

        var yes = args.Flag("yes");
        args.EnsureAllUsed();

        // Refused before asking: nobody confirms a test that the service will not run.
        var maintenance = await client.RequestAsync("maintenance", new JsonObject { ["action"] = "status" }, cancellationToken).ConfigureAwait(false);
        if (maintenance?["active"]?.GetValue<bool>() != true)
        {
            throw new CtlException("refused: tests that move hardware need maintenance mode; enter it with `sudo kioskctl maintenance on` or a maintenance pass") { ExitCode = Refused };
        }

        if (!yes)
        {
            stdout.Write($"This will {what}. Type yes to continue: ");
            stdout.Flush();
            if (stdin.ReadLine()?.Trim() != "yes")
            {
                stderr.WriteLine("kioskctl: cancelled, nothing moved");
                return CheckFailed;
            }
        }

        JsonNode? observed;
        try
        {
            observed = await client.RequestAsync("diag.actuate", request, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e) when (e.ExitCode == 1)
        {
            throw new CtlException(e.Message) { ExitCode = Refused };
        }

        CtlApp.PrintTree(stdout, observed);
        return Ok;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
