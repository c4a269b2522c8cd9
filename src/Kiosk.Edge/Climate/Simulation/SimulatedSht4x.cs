using System.Device.I2c;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// An SHT4x from its datasheet (section 4.5): one-byte commands, soft reset 0x94, serial number 0x89,
/// measurements 0xFD/0xF6/0xE0 (high/medium/low repeatability), answered with
/// T = -45 + 175 x ST / 65535 and RH = -6 + 125 x SRH / 65535, each word followed by its CRC-8.
/// </summary>
internal sealed class SimulatedSht4x(I2cConnectionSettings settings, SimulatedAir air) : SensirionChip(settings, air)
{
    protected override ushort[]? Execute(ushort command, int length) => command switch
    {
        0xFD or 0xF6 or 0xE0 when Air.Fault == SimulatedSensorFault.Implausible => [0xFFFF, 0xFFFF],
        0xFD or 0xF6 or 0xE0 => [Raw(Air.Celsius, -45, 175), Raw(Air.Humidity, -6, 125)],
        0x89 => [0x1234, 0x5678],
        0x94 => null,
        _ => throw new IOException($"SHT4x: unknown command 0x{command:X2} (NACK)."),
    };
}
