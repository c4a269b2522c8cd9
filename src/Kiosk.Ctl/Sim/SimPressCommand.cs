using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim press exit [--door D]</c>: a press of a door's request-to-exit button.</summary>
internal static class SimPressCommand
{
    public static Command Create(CtlContext context)
    {
        var button = new Argument<string>("button") { Description = "exit: the door's request-to-exit button" };
        button.AcceptOnlyFromAmong("exit");
        var door = CtlOptions.Door();
        return SimRequest.Create(context, "press", "Press a door's exit button (request-to-exit).", parse => new JsonObject { ["button"] = parse.GetRequiredValue(button) }.With("door", parse.GetValue(door)), button, door);
    }
}
