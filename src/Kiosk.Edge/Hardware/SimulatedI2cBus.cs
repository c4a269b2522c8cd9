using System.Device.I2c;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// The simulated board's I2C adapters: simulated chips (<see cref="I2cDevice"/> subclasses built
/// from their datasheets) attached at a bus and address. Opening an empty address fails like a NACK.
/// </summary>
internal sealed class SimulatedI2cBus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Bus, int Address), I2cDevice> _devices = [];

    public void Attach(int bus, int address, I2cDevice device)
    {
        lock (_gate)
        {
            _devices[(bus, address)] = device;
        }
    }

    public I2cDevice Open(int bus, int address)
    {
        lock (_gate)
        {
            return _devices.TryGetValue((bus, address), out var device)
                ? device
                : throw new IOException($"No simulated device answers at address 0x{address:X2} on I2C bus {bus}.");
        }
    }
}
