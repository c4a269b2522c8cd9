namespace Kiosk.Edge.Climate;

/// <summary>
/// One cabin's sensors, their latest values and faults, and its four alarms. Owned by the
/// <see cref="ClimateMonitor"/>, which updates it under its lock.
/// </summary>
internal sealed class CabinClimate(string id, CabinClimateOptions options, ClimateSensor sensor, ClimateSensor? co2Sensor, ClimateOptions climate) : IDisposable
{
    public string Id { get; } = id;

    public CabinClimateOptions Options { get; } = options;

    public ClimateSensor Sensor { get; } = sensor;

    public ClimateSensor? Co2Sensor { get; } = co2Sensor;

    public double? Celsius { get; set; }

    public double? Humidity { get; set; }

    public double? Co2Ppm { get; set; }

    public ClimateFault? Fault { get; set; }

    public ClimateFault? Co2Fault { get; set; }

    /// <summary>The last fault message (diagnostics only; never sent over MQTT).</summary>
    public string? FaultDetail { get; set; }

    public string? Co2FaultDetail { get; set; }

    public ThresholdAlarm Heat { get; } = new(climate.HeatCelsius, climate.HeatCelsius - climate.TemperatureHysteresis, high: true, climate.RaiseAfter);

    public ThresholdAlarm Cold { get; } = new(climate.ColdCelsius, climate.ColdCelsius + climate.TemperatureHysteresis, high: false, climate.RaiseAfter);

    public ThresholdAlarm Co2High { get; } = new(climate.Co2HighPpm, climate.Co2HighPpm - climate.Co2Hysteresis, high: true, climate.RaiseAfter);

    public AirconWatch Aircon { get; } = new(climate.AirconRunningWatts, climate.AirconWindow, climate.AirconMinDrop, climate.AirconComfortCelsius);

    /// <summary>The active alarms by their event suffix (heat, cold, co2_high, aircon_ineffective).</summary>
    public IEnumerable<string> ActiveAlarms()
    {
        if (Heat.Active)
        {
            yield return "heat";
        }

        if (Cold.Active)
        {
            yield return "cold";
        }

        if (Co2High.Active)
        {
            yield return "co2_high";
        }

        if (Aircon.Active)
        {
            yield return "aircon_ineffective";
        }
    }

    public void Dispose()
    {
        Sensor.Dispose();
        Co2Sensor?.Dispose();
    }
}
