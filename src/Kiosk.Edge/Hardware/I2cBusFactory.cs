using System.Device.I2c;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// Opens I2C devices by bus and address: /dev/i2c-N on the board, the chips attached to a
/// <see cref="SimulatedI2cBus"/> in simulation. Drivers receive the <see cref="I2cDevice"/>, never the bus.
/// </summary>
internal sealed class I2cBusFactory(Func<int, int, I2cDevice> open)
{
    /// <summary>The board's I2C adapters through the kernel's i2c-dev interface.</summary>
    public static I2cBusFactory Hardware() => new((bus, address) => I2cDevice.Create(new I2cConnectionSettings(bus, address)));

    public static I2cBusFactory Simulated(SimulatedI2cBus bus) => new(bus.Open);

    public I2cDevice Open(int bus, int address) => open(bus, address);
}
