using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Doors;

/// <summary>
/// <c>kioskctl door unlock|lock|mode</c>: the unlock, lock and mode commands, run locally (recorded
/// via manual). unlock opens without a pass.
/// </summary>
internal static class DoorCommand
{
    public static Command Create(CtlContext context) => new("door", "Local door commands, recorded as via manual.")
    {
        Simple(context, "unlock", "Release the lock as a pass would (let someone in without a pass)."),
        Simple(context, "lock", "Lock the door now."),
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
        mode.AcceptOnlyFromAmong("normal", "hold_open", "out_of_service");
        var command = new Command("mode", "Set the door's mode.") { mode, door };
        command.SetAction((parse, cancellationToken) =>
            LocalCommand.RunAsync(context.Client(parse), "mode", WithDoor(new JsonObject { ["mode"] = parse.GetRequiredValue(mode) }, parse.GetValue(door)), context.Out, cancellationToken));
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
