using System.Globalization;
using Kiosk.Contract.State;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>meters</c>: every circuit's meter answers with a plausible value: the power guard's sensor
/// fault per circuit (no_answer, out_of_range, frozen, ...) fails; a meter reading power while its
/// relay is off (the meter sits behind the relay) warns: a welded relay or a meter on the wrong side.
/// </summary>
internal sealed class MeterCheck(Func<IEnumerable<(string Circuit, CircuitState? State)>> circuits) : DiagnosticCheck
{
    /// <summary>Power a meter may show with its relay off (noise, a pilot lamp).</summary>
    private const double OffNoiseWatts = 10;

    public MeterCheck(PowerGuard guard)
        : this(() => guard.CircuitIds.Order(StringComparer.Ordinal).Select(id => (id, guard.Describe(id))))
    {
    }

    public override string Name => "meters";

    public override string Category => "hardware";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<CheckResult>();
        var seen = new List<string>();
        foreach (var (id, state) in circuits())
        {
            if (state is null)
            {
                continue;
            }

            var on = state.On;
            var watts = state.Watts;
            var text = $"{id} {(on ? "on" : "off")} {watts.ToString("0", CultureInfo.InvariantCulture)} W";
            seen.Add(text);
            if (state.Fault is { } fault)
            {
                findings.Add(CheckResult.Fail(
                    $"{id}: meter fault {fault}",
                    fault switch
                    {
                        "no_answer" => $"the meter of {id} does not answer: check its I2C wiring and address (i2cdetect -y 1) or S0 wiring; then `kioskctl power reset --circuit {id}`",
                        "wrong_device" => $"another chip answers at the meter address of {id}: check Power:Meters address configuration",
                        _ => $"the meter of {id} reads implausible values ({fault}): check the shunt/CT and its wiring; then `kioskctl power reset --circuit {id}`",
                    }));
            }
            else if (!on && watts > OffNoiseWatts)
            {
                findings.Add(CheckResult.Warn(
                    $"{id}: meter reads {watts.ToString("0", CultureInfo.InvariantCulture)} W with the relay off",
                    $"a welded relay or a meter wired before the relay on {id}: in maintenance mode `kioskctl diag --actuate circuit --circuit {id}`"));
            }
        }

        if (seen.Count == 0)
        {
            return ValueTask.FromResult(CheckResult.Pass("no circuits configured"));
        }

        return ValueTask.FromResult(CheckResult.Worst(findings, string.Join(", ", seen)));
    }
}
