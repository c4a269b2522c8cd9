using System.Globalization;
using Kiosk.Edge.Diagnostics;

namespace Kiosk.Edge.Climate;

/// <summary>
/// <c>climate</c>: every cabin sensor gives plausible readings (a sensor fault fails), no climate
/// alarm is active (an active one warns) and the CPU is below Climate:CpuWarnCelsius (warns).
/// Detail: "rest 26.0 °C 55 % 600 ppm, life 24.1 °C 60 %, cpu 48.2 °C".
/// </summary>
internal sealed class ClimateCheck(ClimateMonitor monitor) : DiagnosticCheck
{
    public override string Name => "climate";

    public override string Category => "hardware";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var state = monitor.Describe();
        var details = monitor.FaultDetails();
        var findings = new List<CheckResult>();
        var seen = new List<string>();
        foreach (var (id, cabin) in state.Cabins)
        {
            var text = new List<string> { id };
            if (cabin.Celsius is { } t)
            {
                text.Add(F(t, "0.0") + " °C");
            }

            if (cabin.Humidity is { } h)
            {
                text.Add(F(h, "0") + " %");
            }

            if (cabin.Co2 is { } ppm)
            {
                text.Add(F(ppm, "0") + " ppm");
            }

            seen.Add(string.Join(' ', text));
            foreach (var (fault, chip) in new[] { (cabin.Fault, cabin.Sensor), (cabin.Co2Fault, "scd4x") })
            {
                if (fault is null)
                {
                    continue;
                }

                var message = details.FirstOrDefault(d => d.Cabin == id && d.Chip == chip).Detail;
                findings.Add(CheckResult.Fail(
                    $"{id}: {chip} sensor fault {fault}" + (message is null ? "" : $" ({message})"),
                    fault switch
                    {
                        "no_answer" => $"the {chip} of {id} does not answer: check its 3.3 V supply, SDA/SCL wiring and address (i2cdetect -y 1)",
                        "crc_error" => $"the {chip} of {id} sends corrupted data: shorten or shield its I2C cable, check the pull-ups",
                        _ => $"the {chip} of {id} reads values no cabin can have: replace the sensor",
                    }));
            }

            foreach (var alarm in cabin.Alarms)
            {
                findings.Add(CheckResult.Warn(
                    $"{id}: climate.{alarm} active",
                    alarm switch
                    {
                        "heat" => $"{id} is too hot with people inside: check the air conditioner and ventilation; consider `kioskctl announce`",
                        "cold" => $"{id} is too cold: check the heater circuit (kioskctl status) and that the door closes",
                        "co2_high" => $"{id} is badly ventilated: check the fan and air inlets",
                        _ => $"the air conditioner of {id} runs without cooling: check its refrigerant, filters and that doors and windows are shut",
                    }));
            }
        }

        if (state.Cpu.Celsius is { } cpu)
        {
            seen.Add($"cpu {F(cpu, "0.0")} °C");
            if (cpu >= monitor.Options.CpuWarnCelsius)
            {
                findings.Add(CheckResult.Warn(
                    $"cpu {F(cpu, "0.0")} °C (warn at {F(monitor.Options.CpuWarnCelsius, "0")} °C)",
                    "the board runs hot and will throttle: check its heat sink and the enclosure's ventilation"));
            }
        }
        else
        {
            seen.Add("cpu temperature not available");
        }

        return ValueTask.FromResult(CheckResult.Worst(findings, seen.Count == 0 ? "no cabin sensors configured" : string.Join(", ", seen)));
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
