using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary>
/// <c>kioskctl sim climate --cabin C [--celsius T] [--humidity H] [--co2 PPM] [--fault F] [--cpu T]</c>:
/// the air a cabin's simulated sensors measure (and the simulated CPU temperature).
/// </summary>
internal static class SimClimateCommand
{
    public static Command Create(CtlContext context)
    {
        var cabin = new Option<string>("--cabin") { Description = "the cabin with air sensors (Climate:Cabins:{id}); leave out with only --cpu", HelpName = "C" };
        var celsius = new Option<double>("--celsius") { Description = "air temperature, °C, -60 to 130", HelpName = "T" }.InRange(-60, 130, "a temperature from -60 to 130 °C");
        var humidity = new Option<double>("--humidity") { Description = "relative humidity, %, 0 to 100", HelpName = "H" }.InRange(0, 100, "a relative humidity from 0 to 100 %");
        var co2 = new Option<double>("--co2") { Description = "CO2, ppm, 0 to 40000 (cabins with an SCD4x)", HelpName = "PPM" }.InRange(0, 40_000, "a CO2 level from 0 to 40000 ppm");
        var fault = new Option<string>("--fault") { Description = "none (heal), no_answer, crc_error or implausible: how the cabin's sensors fail" };
        fault.AcceptOnlyFromAmong("none", "no_answer", "crc_error", "implausible");
        var cpu = new Option<double>("--cpu") { Description = "the simulated CPU temperature, °C, 0 to 120", HelpName = "T" }.InRange(0, 120, "a temperature from 0 to 120 °C");
        return SimRequest.Create(
            context,
            "climate",
            "Set the air a cabin's simulated sensors measure, or make them fail (cabin climate alarms).",
            parse =>
            {
                var arguments = new JsonObject().With("cabin", parse.GetValue(cabin));
                foreach (var (name, option) in new[] { ("celsius", celsius), ("humidity", humidity), ("co2", co2), ("cpu", cpu) })
                {
                    if (parse.Given(option))
                    {
                        arguments[name] = parse.GetValue(option);
                    }
                }

                return arguments.With("fault", parse.GetValue(fault));
            },
            cabin,
            celsius,
            humidity,
            co2,
            fault,
            cpu);
    }
}
