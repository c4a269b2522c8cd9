using System.Device.I2c;
using Iot.Device.Sht3x;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// A Sensirion SHT3x through the library's <see cref="Sht3x"/> (high repeatability single shots).
/// The driver's CRC failures are made visible by <see cref="SensirionFrameCheck"/>.
/// </summary>
internal sealed class Sht3xSensor(Func<I2cDevice> open) : I2cClimateSensor(open)
{
    private SensirionFrameCheck? _frames;
    private Sht3x? _driver;

    public override string Chip => "sht3x";

    protected override void Connect(I2cDevice device)
    {
        _frames = new SensirionFrameCheck(device);
        _driver = new Sht3x(_frames, Resolution.High);
    }

    protected override ClimateReading Measure()
    {
        // Each property is one single-shot measurement of both values; check the frame after each.
        var celsius = _driver!.Temperature.DegreesCelsius;
        ThrowIfCorrupt();
        var humidity = _driver.Humidity.Percent;
        ThrowIfCorrupt();
        return new ClimateReading(celsius, humidity);
    }

    protected override void Disconnect()
    {
        // Not the driver's Dispose: it disposes the device, which the base class owns.
        _driver = null;
        _frames = null;
    }

    private void ThrowIfCorrupt()
    {
        if (!_frames!.LastFrameValid)
        {
            throw new ClimateSensorException(ClimateFault.CrcError, "SHT3x sent a measurement whose CRC-8 does not match.");
        }
    }
}
