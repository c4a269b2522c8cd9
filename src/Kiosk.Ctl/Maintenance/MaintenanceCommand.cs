using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Maintenance;

/// <summary>
/// <c>kioskctl maintenance [on|off|status]</c>: maintenance mode, which gates the tests that move
/// hardware. <c>on</c> needs local root (the service checks the caller's uid): <c>sudo kioskctl maintenance on</c>.
/// A refusal exits 4.
/// </summary>
internal static class MaintenanceCommand
{
    public static Command Create(CtlContext context)
    {
        var action = new Argument<string>("action")
        {
            Description = "on (needs root; ends by itself after Maintenance:Timeout), off, or status (default)",
            DefaultValueFactory = _ => "status",
        };
        action.AcceptOnlyFromAmong("on", "off", "status");
        var command = new Command("maintenance", "Enter, leave or show maintenance mode, which the tests that move hardware need.") { action };
        command.SetAction(async (parse, cancellationToken) =>
        {
            JsonNode? result;
            try
            {
                result = await context.Client(parse).RequestAsync("maintenance", new JsonObject { ["action"] = parse.GetRequiredValue(action) }, cancellationToken).ConfigureAwait(false);
            }
            catch (CtlException e) when (e.ExitCode == ExitCodes.Failed)
            {
                throw new CtlException(e.Message) { ExitCode = ExitCodes.Refused };
            }

            TreePrinter.Print(context.Out, result);
            return ExitCodes.Ok;
        });
        return command;
    }
}
