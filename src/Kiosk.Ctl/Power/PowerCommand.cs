using System.CommandLine;
using System.Text.Json.Nodes;
using Kiosk.Contract.Commands;

namespace Kiosk.Ctl.Power;

/// <summary><c>kioskctl power on|off|reset --circuit C</c>: the power command, run locally (via manual).</summary>
internal static class PowerCommand
{
    public static Command Create(CtlContext context)
    {
        var action = new Argument<string>("action")
        {
            Description = "on, off, or reset (clear a trip or lockout and re-test the meter)",
        };
        action.AcceptOnlyFromAmong(PowerActions.On, PowerActions.Off, PowerActions.Reset);
        var circuit = CtlOptions.Circuit("the circuit to switch", required: true);
        var command = new Command("power", "Local power command for one circuit, recorded as via manual.") { action, circuit };
        command.SetAction((parse, cancellationToken) => LocalCommand.RunAsync(
            context.Client(parse),
            CommandNames.Power,
            new JsonObject { ["circuit"] = parse.GetRequiredValue(circuit), ["action"] = parse.GetRequiredValue(action) },
            context.Out,
            cancellationToken));
        return command;
    }
}
