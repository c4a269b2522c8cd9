using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary>
/// <c>kioskctl sim fault [--fault contact_stuck|meter_silent|rtc_missing|list] [--door D|--circuit C] [--on false]</c>:
/// a wiring fault for diag to find; prints the faults now active.
/// </summary>
internal static class SimFaultCommand
{
    public static Command Create(CtlContext context)
    {
        var fault = new Option<string>("--fault") { Description = "contact_stuck (with --door), meter_silent (with --circuit), rtc_missing, or list (default: show the active faults)" };
        fault.AcceptOnlyFromAmong("contact_stuck", "meter_silent", "rtc_missing", "list");
        var door = CtlOptions.Door("with contact_stuck");
        var circuit = CtlOptions.Circuit("with meter_silent", required: false);
        var on = new Option<bool>("--on") { Description = "false clears the fault; default true", HelpName = "true|false" };
        return SimRequest.Create(
            context,
            "fault",
            "Inject (or clear) a wiring fault for kioskctl diag to find.",
            parse =>
            {
                var arguments = new JsonObject().With("fault", parse.GetValue(fault)).With("door", parse.GetValue(door)).With("circuit", parse.GetValue(circuit));
                if (parse.Given(on))
                {
                    arguments["on"] = parse.GetValue(on);
                }

                return arguments;
            },
            fault,
            door,
            circuit,
            on);
    }
}
