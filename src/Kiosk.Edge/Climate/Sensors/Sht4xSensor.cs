using System.Device.I2c;
using Iot.Device.Sht4x;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>A Sensirion SHT4x through the library's <see cref="Sht4x"/>, which returns null for a value whose CRC-8 fails.</summary>
internal sealed class Sht4xSensor(Func<I2cDevice> open) : I2cClimateSensor(open)
{
    private Sht4x? _driver;

    public override string Chip => "sht4x";

    protected override void Connect(I2cDevice device) => _driver = new Sht4x(device);

    protected override ClimateReading Measure()
    {
        var (humidity, temperature) = _driver!.ReadHumidityAndTemperature(Sht4xRepeatability.High);
        if (humidity is not { } h || temperature is not { } t)
        {
            throw new ClimateSensorException(ClimateFault.CrcError, "SHT4x sent a measurement whose CRC-8 does not match.");
        }

        return new ClimateReading(t.DegreesCelsius, h.Percent);
    }

    protected override void Disconnect()
    {
        // Not the driver's Dispose: it disposes the device, which the base class owns.
        _driver = null;
    }
}
