using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Diag;

/// <summary>
/// <c>kioskctl diag --actuate</c>: checks maintenance mode first (nobody confirms a test the service
/// will not run), asks the crew to type yes unless --yes, then has the service move the hardware.
/// </summary>
internal static class DiagActuate
{
    public static async Task<int> RunAsync(CtlContext context, string? door, string? circuit, string target, bool yes, ControlClient client, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["target"] = target };
        string what;
        switch (target)
        {
            case "lock":
                if (door is not null)
                {
                    request["door"] = door;
                }

                what = $"release the lock of door {door ?? "(default)"} for a moment and relock it";
                break;
            case "circuit":
                request["circuit"] = circuit;
                what = $"switch circuit {circuit} off and on again (the appliance loses power briefly)";
                break;
            default:
                what = "enable the amplifier for a second";
                break;
        }

        var maintenance = await client.RequestAsync("maintenance", new JsonObject { ["action"] = "status" }, cancellationToken).ConfigureAwait(false);
        if (maintenance?["active"]?.GetValue<bool>() != true)
        {
            throw new CtlException("refused: tests that move hardware need maintenance mode; enter it with `sudo kioskctl maintenance on` or a maintenance pass") { ExitCode = ExitCodes.Refused };
        }

        if (!yes)
        {
            context.Out.Write($"This will {what}. Type yes to continue: ");
            context.Out.Flush();
            if (context.Io.In.ReadLine()?.Trim() != "yes")
            {
                context.Io.Error.WriteLine("kioskctl: cancelled, nothing moved");
                return ExitCodes.Failed;
            }
        }

        JsonNode? observed;
        try
        {
            observed = await client.RequestAsync("diag.actuate", request, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e) when (e.ExitCode == ExitCodes.Failed)
        {
            throw new CtlException(e.Message) { ExitCode = ExitCodes.Refused };
        }

        TreePrinter.Print(context.Out, observed);
        return ExitCodes.Ok;
    }
}
