using Kiosk.Contract.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Climate;

/// <summary>
/// Reads a cabin's air sensor and CO2 sensor into its <see cref="CabinClimate"/>: values rounded for
/// the state (0.1 °C, 0.1 % RH, 1 ppm), and a reading outside what a cabin can physically have
/// (<c>Climate:MinPlausibleCelsius</c>..<c>MaxPlausibleCelsius</c>, 0..100 % RH, 0..40000 ppm, the
/// SCD4x range from its datasheet) turned into an <c>implausible</c> fault. A fault clears the
/// sensor's values and raises <c>climate.sensor_fault</c> once per new fault (not on every sample).
/// Not thread-safe: the monitor calls it under its lock.
/// </summary>
internal sealed partial class CabinSensorReader(ClimateOptions options, ILogger logger)
{
    private const double MaxCo2Ppm = 40_000;

    /// <summary>One sample of both sensors; events to record are added to <paramref name="events"/>.</summary>
    public void Read(CabinClimate cabin, List<KioskEventBody> events)
    {
        ReadAir(cabin, events);
        if (cabin.Co2Sensor is { } co2)
        {
            ReadCo2(cabin, co2, events);
        }
    }

    /// <summary>A reading with both values inside what a cabin can physically have, else an implausible fault.</summary>
    /// <exception cref="ClimateSensorException">A value is missing, not finite or out of range.</exception>
    public ClimateReading Plausible(ClimateReading r)
    {
        if (r.Celsius is not { } t || r.Humidity is not { } h)
        {
            throw new ClimateSensorException(ClimateFault.Implausible, "the sensor returned no temperature or humidity (measurement skipped).");
        }

        if (!double.IsFinite(t) || t < options.MinPlausibleCelsius || t > options.MaxPlausibleCelsius)
        {
            throw new ClimateSensorException(ClimateFault.Implausible, $"{t:0.0} °C is outside {options.MinPlausibleCelsius:0}..{options.MaxPlausibleCelsius:0} °C.");
        }

        if (!double.IsFinite(h) || h < 0 || h > 100)
        {
            throw new ClimateSensorException(ClimateFault.Implausible, $"{h:0.0} % relative humidity is outside 0..100 %.");
        }

        return r;
    }

    private void ReadAir(CabinClimate cabin, List<KioskEventBody> events)
    {
        try
        {
            var reading = Plausible(cabin.Sensor.Read());
            cabin.Celsius = Math.Round(reading.Celsius!.Value, 1);
            cabin.Humidity = Math.Round(reading.Humidity!.Value, 1);
            cabin.Fault = null;
            cabin.FaultDetail = null;
        }
        catch (ClimateSensorException e)
        {
            cabin.Celsius = null;
            cabin.Humidity = null;
            if (cabin.Fault != e.Fault)
            {
                Report(cabin, cabin.Sensor, e, events);
            }

            cabin.Fault = e.Fault;
            cabin.FaultDetail = e.Message;
        }
    }

    private void ReadCo2(CabinClimate cabin, ClimateSensor co2, List<KioskEventBody> events)
    {
        try
        {
            var ppm = co2.Read().Co2Ppm;
            if (ppm is { } p && (p < 0 || p > MaxCo2Ppm))
            {
                throw new ClimateSensorException(ClimateFault.Implausible, $"{co2.Chip} reads {p:0} ppm, outside its 0-40000 ppm range.");
            }

            cabin.Co2Ppm = ppm is { } v ? Math.Round(v) : null;
            cabin.Co2Fault = null;
            cabin.Co2FaultDetail = null;
        }
        catch (ClimateSensorException e)
        {
            cabin.Co2Ppm = null;
            if (cabin.Co2Fault != e.Fault)
            {
                Report(cabin, co2, e, events);
            }

            cabin.Co2Fault = e.Fault;
            cabin.Co2FaultDetail = e.Message;
        }
    }

    private void Report(CabinClimate cabin, ClimateSensor sensor, ClimateSensorException e, List<KioskEventBody> events)
    {
        events.Add(new ClimateSensorFault(cabin.Id, sensor.Chip, e.Fault.ToContract()));
        LogSensorFault(cabin.Id, sensor.Chip, e.Fault.ToContract(), e.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cabin {Cabin}: {Chip} sensor fault {Fault}: {Detail}")]
    private partial void LogSensorFault(string cabin, string chip, string fault, string detail);
}
