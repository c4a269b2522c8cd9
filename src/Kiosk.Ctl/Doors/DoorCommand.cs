using System.CommandLine;
using System.Text.Json.Nodes;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Ctl.Doors;

/// <summary>
/// <c>kioskctl door unlock|lock|mode</c>: the unlock, lock and mode commands, run locally (recorded
/// via manual). unlock opens without a pass.
/// </summary>
internal static class DoorCommand
{
    public static Command Create(CtlContext context) => new("door", "Local door commands, recorded as via manual.")
    {
        Simple(context, CommandNames.Unlock, "Release the lock as a pass would (let someone in without a pass)."),
        Simple(context, CommandNames.Lock, "Lock the door now."),
        Mode(context),
    };

    private static Command Simple(CtlContext context, string name, string description)
    {
        var door = CtlOptions.Door();
        var command = new Command(name, description) { door };
        command.SetAction((parse, cancellationToken) =>
            LocalCommand.RunAsync(context.Client(parse), name, WithDoor(new JsonObject(), parse.GetValue(door)), context.Out, cancellationToken));
        return command;
    }

    private static Command Mode(CtlContext context)
    {
        var door = CtlOptions.Door();
        var mode = new Option<string>("--mode")
        {
            Description = "normal; hold_open (unlocked, no held-open alarm); out_of_service (passes refused, the exit button still opens)",
            Required = true,
        };
        mode.AcceptOnlyFromAmong(DoorModes.Normal, DoorModes.HoldOpen, DoorModes.OutOfService);
        var command = new Command(CommandNames.Mode, "Set the door's mode.") { mode, door };
        command.SetAction((parse, cancellationToken) =>
            LocalCommand.RunAsync(context.Client(parse), CommandNames.Mode, WithDoor(new JsonObject { ["mode"] = parse.GetRequiredValue(mode) }, parse.GetValue(door)), context.Out, cancellationToken));
        return command;
    }

    private static JsonObject WithDoor(JsonObject arguments, string? door)
    {
        if (door is not null)
        {
            arguments["door"] = door;
        }

        return arguments;
    }
}
