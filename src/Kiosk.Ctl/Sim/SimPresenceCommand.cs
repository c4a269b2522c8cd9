using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim presence [--cabin C] --present true|false</c>: a cabin's presence sensor.</summary>
internal static class SimPresenceCommand
{
    public static Command Create(CtlContext context)
    {
        var cabin = new Option<string>("--cabin") { Description = "the cabin with a presence sensor (Occupancy:Cabins:{id}:PresencePin)", HelpName = "C" };
        // A string with two values rather than a bool: a bool option would default to false when left out.
        var present = new Option<string>("--present") { Description = "true: someone is there; false: the cabin is empty", Required = true };
        present.AcceptOnlyFromAmong("true", "false");
        return SimRequest.Create(context, "presence", "Set a cabin's presence sensor.", parse => new JsonObject { ["present"] = parse.GetRequiredValue(present) == "true" }.With("cabin", parse.GetValue(cabin)), cabin, present);
    }
}
