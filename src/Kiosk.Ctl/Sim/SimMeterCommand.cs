using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim meter --circuit C --fault none|no_answer|frozen|out_of_range</c>: an I2C meter fails.</summary>
internal static class SimMeterCommand
{
    public static Command Create(CtlContext context)
    {
        var circuit = CtlOptions.Circuit("the circuit with an I2C meter (INA219/INA226)", required: true);
        var fault = new Option<string>("--fault") { Description = "none (heal), no_answer, frozen (same reading forever) or out_of_range", Required = true };
        fault.AcceptOnlyFromAmong("none", "no_answer", "frozen", "out_of_range");
        return SimRequest.Create(context, "meter", "Make a circuit's I2C meter fail the way real ones do (or heal it).", parse => new JsonObject { ["circuit"] = parse.GetRequiredValue(circuit), ["fault"] = parse.GetRequiredValue(fault) }, circuit, fault);
    }
}
