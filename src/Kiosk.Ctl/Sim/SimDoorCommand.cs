using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim door open|close [--door D]</c>: someone opens or closes the door (its contact moves).</summary>
internal static class SimDoorCommand
{
    public static Command Create(CtlContext context)
    {
        var action = new Argument<string>("action") { Description = "open or close" };
        action.AcceptOnlyFromAmong("open", "close");
        var door = CtlOptions.Door();
        return SimRequest.Create(context, "door", "Open or close a door (its contact switch), as a person would.", parse => new JsonObject { ["action"] = parse.GetRequiredValue(action) }.With("door", parse.GetValue(door)), action, door);
    }
}
