using System.Globalization;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Climate;

/// <summary>
/// The checks attributes cannot express, each naming its key: cabins that exist, addresses the chosen
/// chip can have, two devices on one bus address (power meters included), the air conditioner's
/// circuit, and thresholds that leave room for their hysteresis.
/// </summary>
internal sealed class ClimateOptionsChecks(IOptions<DoorsOptions> doors, IOptions<PowerOptions> power) : IValidateOptions<ClimateOptions>
{
    private const string C = ClimateOptions.Section;

    public ValidateOptionsResult Validate(string? name, ClimateOptions options)
    {
        var errors = new List<string>();
        var used = new Dictionary<(int Bus, int Address), string>();
        foreach (var (meter, m) in power.Value.Meters)
        {
            if (m.Kind is MeterKind.Ina219 or MeterKind.Ina226)
            {
                used.TryAdd((m.Bus, m.Address), $"{PowerOptions.Section}:Meters:{meter}");
            }
        }

        foreach (var (id, cabin) in options.Cabins.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var key = $"{C}:Cabins:{id}";
            if (!doors.Value.Cabins.ContainsKey(id))
            {
                errors.Add($"{key}: '{id}' is not a cabin of Doors:Cabins (known: {string.Join(", ", doors.Value.Cabins.Keys.Order(StringComparer.Ordinal))}).");
            }

            if (!Enum.IsDefined(cabin.Sensor))
            {
                errors.Add($"{key}:Sensor must be Sht3x, Sht4x or Bme280.");
            }
            else if (!AddressesOf(cabin.Sensor).Contains(cabin.Address))
            {
                errors.Add($"{key}:Address {Hex(cabin.Address)} is not an address of a {cabin.Sensor} (possible: {string.Join(", ", AddressesOf(cabin.Sensor).Select(Hex))}).");
            }

            Claim(errors, used, (cabin.Bus, cabin.Address), $"{key}:Address");
            if (cabin.Co2Address is { } co2)
            {
                if (co2 != 0x62)
                {
                    errors.Add($"{key}:Co2Address {Hex(co2)} is not the SCD4x address (0x62 = 98).");
                }

                Claim(errors, used, (cabin.Bus, co2), $"{key}:Co2Address");
            }

            if (cabin.AirconCircuit is { } circuit && !power.Value.Circuits.ContainsKey(circuit))
            {
                errors.Add($"{key}:AirconCircuit '{circuit}' is not a circuit of Power:Circuits (known: {string.Join(", ", power.Value.Circuits.Keys.Order(StringComparer.Ordinal))}).");
            }
        }

        if (options.HeatCelsius - options.TemperatureHysteresis <= options.ColdCelsius + options.TemperatureHysteresis)
        {
            errors.Add($"{C}:HeatCelsius and {C}:ColdCelsius must be more than twice {C}:TemperatureHysteresis apart.");
        }

        if (options.Co2Hysteresis >= options.Co2HighPpm)
        {
            errors.Add($"{C}:Co2Hysteresis must be smaller than {C}:Co2HighPpm.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The strap-selectable addresses of each chip (datasheets: SHT3x 0x44/0x45, SHT4x variants 0x44-0x46, BME280 SDO low/high).</summary>
    internal static int[] AddressesOf(ClimateSensorKind kind) => kind switch
    {
        ClimateSensorKind.Sht3x => [0x44, 0x45],
        ClimateSensorKind.Sht4x => [0x44, 0x45, 0x46],
        ClimateSensorKind.Bme280 => [0x76, 0x77],
        _ => [],
    };

    private static void Claim(List<string> errors, Dictionary<(int Bus, int Address), string> used, (int Bus, int Address) at, string key)
    {
        if (!used.TryAdd(at, key))
        {
            errors.Add($"{key}: I2C bus {at.Bus} address {Hex(at.Address)} is already used by {used[at]}.");
        }
    }

    private static string Hex(int address) => "0x" + address.ToString("X2", CultureInfo.InvariantCulture);
}
