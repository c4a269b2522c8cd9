using System.CommandLine;

namespace Kiosk.Ctl.Status;

/// <summary><c>kioskctl status [--json]</c>: the running service's status and state, once.</summary>
internal static class StatusCommand
{
    public static Command Create(CtlContext context)
    {
        var json = CtlOptions.Json("the status document");
        var command = new Command("status", "Show the running service's status and full state once (kioskctl watch keeps it live).") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await context.Client(parse).RequestAsync("status", null, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonText.Indented(result));
            }
            else
            {
                TreePrinter.Print(context.Out, result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
