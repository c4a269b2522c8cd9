using System.Device.I2c;
using Iot.Device.Bmxx80;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// A Bosch BME280 through the library's <see cref="Bme280"/>: a forced-mode measurement per read,
/// compensated with the chip's own calibration words (datasheet section 4.2.3). The BME280 has no
/// CRC: a broken chip shows as implausible values, which the monitor checks.
/// </summary>
internal sealed class Bme280Sensor(Func<I2cDevice> open) : I2cClimateSensor(open)
{
    private Bme280? _driver;

    public override string Chip => "bme280";

    protected override void Connect(I2cDevice device)
    {
        _driver = new Bme280(device);
    }

    protected override ClimateReading Measure()
    {
        var result = _driver!.Read();
        return new ClimateReading(result.Temperature?.DegreesCelsius, result.Humidity?.Percent);
    }

    protected override void Disconnect()
    {
        // Not the driver's Dispose: it disposes the device, which the base class owns.
        _driver = null;
    }
}
