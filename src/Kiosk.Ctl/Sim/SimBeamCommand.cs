using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim beam [--cabin C] --direction in|out|abort</c>: someone walks through a cabin's beam pair.</summary>
internal static class SimBeamCommand
{
    public static Command Create(CtlContext context)
    {
        var cabin = new Option<string>("--cabin") { Description = "the cabin; default: the first cabin with beams (Occupancy:Cabins:{id}:BeamAPin/BeamBPin)", HelpName = "C" };
        var direction = new Option<string>("--direction") { Description = "in, out, or abort (turns back halfway)", Required = true };
        direction.AcceptOnlyFromAmong("in", "out", "abort");
        return SimRequest.Create(context, "beam", "Walk through a cabin's beam pair (occupancy counting).", parse => new JsonObject { ["direction"] = parse.GetRequiredValue(direction) }.With("cabin", parse.GetValue(cabin)), cabin, direction);
    }
}
