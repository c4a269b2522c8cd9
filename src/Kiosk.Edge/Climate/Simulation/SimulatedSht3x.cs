using System.Device.I2c;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// An SHT3x from its datasheet (section 4): soft reset 0x30A2, heater 0x306D/0x3066, single-shot
/// measurements 0x2C06/0x2C0D/0x2C10 (clock stretching) and 0x2400/0x240B/0x2416, answered with
/// T = -45 + 175 x ST / 65535 and RH = 100 x SRH / 65535, each word followed by its CRC-8.
/// </summary>
internal sealed class SimulatedSht3x(I2cConnectionSettings settings, SimulatedAir air) : SensirionChip(settings, air)
{
    protected override ushort[]? Execute(ushort command, int length) => command switch
    {
        0x2C06 or 0x2C0D or 0x2C10 or 0x2400 or 0x240B or 0x2416 when Air.Fault == SimulatedSensorFault.Implausible => [0xFFFF, 0xFFFF],
        0x2C06 or 0x2C0D or 0x2C10 or 0x2400 or 0x240B or 0x2416 => [Raw(Air.Celsius, -45, 175), Raw(Air.Humidity, 0, 100)],
        0x30A2 or 0x306D or 0x3066 => null,
        _ => throw new IOException($"SHT3x: unknown command 0x{command:X4} (NACK)."),
    };
}
