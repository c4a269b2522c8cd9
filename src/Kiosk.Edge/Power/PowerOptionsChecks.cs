using System.Text.RegularExpressions;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Ina219;
using Kiosk.Edge.Hardware.Ina226;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Power;

/// <summary>
/// The checks attributes cannot express: each circuit and meter (dictionary entries) with its key
/// name, references between them, pins used twice, chip calibration limits, the trip curve's shape.
/// </summary>
internal sealed partial class PowerOptionsChecks(IOptions<BoardOptions> board) : IValidateOptions<PowerOptions>
{
    private const string P = PowerOptions.Section;

    public ValidateOptionsResult Validate(string? name, PowerOptions options)
    {
        var errors = new List<string>();
        var pins = new Dictionary<int, string>();
        void ClaimPin(int pin, string key)
        {
            if (pin < 0)
            {
                return;
            }

            if (pins.TryGetValue(pin, out var other))
            {
                errors.Add($"{key} uses GPIO {pin}, already used by {other}.");
            }
            else
            {
                pins[pin] = key;
            }
        }

        var meterUsers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, circuit) in options.Circuits)
        {
            var key = $"{P}:Circuits:{id}";
            if (!CircuitId().IsMatch(id))
            {
                errors.Add($"{key}: circuit ids must match {CircuitId()} (they become telemetry keys).");
            }

            AddFailures(errors, new CircuitOptionsValidator().Validate(key, circuit));
            ClaimPin(circuit.RelayPin, $"{key}:RelayPin");
            if (!options.Meters.ContainsKey(circuit.Meter))
            {
                errors.Add($"{key}:Meter names '{circuit.Meter}', which is not a key of {P}:Meters.");
            }
            else if (!meterUsers.TryAdd(circuit.Meter, key))
            {
                errors.Add($"{key}:Meter '{circuit.Meter}' is already the meter of {meterUsers[circuit.Meter]}; a meter channel measures one circuit.");
            }
        }

        foreach (var (meterName, meter) in options.Meters)
        {
            var key = $"{P}:Meters:{meterName}";
            AddFailures(errors, new MeterOptionsValidator().Validate(key, meter));
            switch (meter.Kind)
            {
                case MeterKind.S0:
                    if (meter.Pin is { } pin)
                    {
                        ClaimPin(pin, $"{key}:Pin");
                    }
                    else
                    {
                        errors.Add($"{key}:Pin is required for an S0 meter.");
                    }

                    break;
                case MeterKind.Ina219:
                    AddIfNotNull(errors, key, Ina219Calibration.Check(meter.ShuntOhms, meter.MaxCurrentAmps, meter.Averages));
                    break;
                case MeterKind.Ina226:
                    AddIfNotNull(errors, key, Ina226Calibration.Check(meter.ShuntOhms, meter.MaxCurrentAmps, meter.Averages));
                    break;
                case MeterKind.Simulated when board.Value.Kind != BoardKind.Simulated:
                    errors.Add($"{key}:Kind is Simulated, which needs Board:Kind=Simulated.");
                    break;
                default:
                    break;
            }
        }

        for (var i = 0; i < options.TripCurve.Count; i++)
        {
            var key = $"{P}:TripCurve:{i}";
            var point = options.TripCurve[i];
            if (point.Percent <= 100)
            {
                errors.Add($"{key}:Percent must be above 100 (at or below the limit never trips).");
            }

            if (i > 0 && (point.Percent <= options.TripCurve[i - 1].Percent || point.After >= options.TripCurve[i - 1].After))
            {
                errors.Add($"{key}: points must be in increasing Percent with decreasing After (a larger overload trips sooner).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AddFailures(List<string> errors, ValidateOptionsResult result)
    {
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }
    }

    private static void AddIfNotNull(List<string> errors, string key, string? problem)
    {
        if (problem is not null)
        {
            errors.Add($"{key}: {problem}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex CircuitId();
}
