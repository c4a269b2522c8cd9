using System.Device.I2c;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// What the I2C air sensors share: the library driver is created on first use (its constructor already
/// talks to the chip), and a bus error drops it, reports <see cref="ClimateFault.NoAnswer"/> and
/// connects afresh next time, so a sensor plugged back in recovers without a restart.
/// </summary>
internal abstract class I2cClimateSensor(Func<I2cDevice> open) : ClimateSensor
{
    private I2cDevice? _device;

    public sealed override ClimateReading Read()
    {
        try
        {
            if (_device is null)
            {
                _device = open();
                Connect(_device);
            }

            return Measure();
        }
        catch (IOException e)
        {
            Drop();
            throw new ClimateSensorException(ClimateFault.NoAnswer, $"{Chip} does not answer: {e.Message}", e);
        }
    }

    /// <summary>Creates the library driver on the device.</summary>
    protected abstract void Connect(I2cDevice device);

    /// <summary>One measurement with a connected driver.</summary>
    protected abstract ClimateReading Measure();

    /// <summary>Forgets the driver (the device is disposed here, not by the driver).</summary>
    protected abstract void Disconnect();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Drop();
        }
    }

    private void Drop()
    {
        Disconnect();
        _device?.Dispose();
        _device = null;
    }
}
