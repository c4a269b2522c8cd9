using System.Device.I2c;
using Iot.Device.Scd4x;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// A Sensirion SCD4x CO2 sensor through the library's <see cref="Scd4x"/> in periodic mode: the chip
/// measures every 5 s by itself. A read takes a new measurement only once a period has passed since the
/// last one (by the injected clock), because the library's read waits, with Thread.Sleep, for the
/// chip's next period; in between it returns the last measurement.
/// </summary>
internal sealed class Scd4xSensor(Func<I2cDevice> open, TimeProvider time) : I2cClimateSensor(open)
{
    private Scd4x? _driver;
    private double? _ppm;
    private DateTimeOffset _lastAt;

    public override string Chip => "scd4x";

    protected override void Connect(I2cDevice device)
    {
        _driver = new Scd4x(device); // stops any periodic measurement and re-initialises the chip
        _driver.StartPeriodicMeasurements();
        _lastAt = time.GetUtcNow();
        _ppm = null;
    }

    protected override ClimateReading Measure()
    {
        var now = time.GetUtcNow();
        if (now - _lastAt < Scd4x.MeasurementPeriod)
        {
            return new ClimateReading(null, null, _ppm);
        }

        (UnitsNet.VolumeConcentration? Co2, UnitsNet.RelativeHumidity?, UnitsNet.Temperature?) measurement;
        try
        {
            measurement = _driver!.ReadPeriodicMeasurement();
        }
        catch (Exception e) when (e.GetType() == typeof(Exception))
        {
            // The library's own timeout ("SCD4x not responding.") when data-ready never comes.
            throw new IOException(e.Message, e);
        }

        _lastAt = now;
        if (measurement.Co2 is not { } co2)
        {
            throw new ClimateSensorException(ClimateFault.CrcError, "SCD4x sent a measurement whose CRC-8 does not match.");
        }

        _ppm = co2.PartsPerMillion;
        return new ClimateReading(null, null, _ppm);
    }

    protected override void Disconnect()
    {
        // Not the driver's Dispose: it stops the chip (which throws when it does not answer) and disposes
        // the device, which the base class owns.
        _driver = null;
    }
}
