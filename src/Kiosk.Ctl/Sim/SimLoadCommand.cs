using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim load --circuit C --watts W</c>: the appliance on a circuit draws W watts.</summary>
internal static class SimLoadCommand
{
    public static Command Create(CtlContext context)
    {
        var circuit = CtlOptions.Circuit("the circuit whose appliance draws", required: true);
        var watts = new Option<double>("--watts") { Description = "the load in watts, 0 to 100000", HelpName = "W", Required = true }.InRange(0, 100_000, "a number of watts from 0 to 100000");
        return SimRequest.Create(context, "load", "Set the simulated load on a circuit (what its meter reads).", parse => new JsonObject { ["circuit"] = parse.GetRequiredValue(circuit), ["watts"] = parse.GetValue(watts) }, circuit, watts);
    }
}
