using System.Device.I2c;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// An SCD4x from its datasheet (section 3): start_periodic_measurement 0x21B1,
/// stop_periodic_measurement 0x3F86, reinit 0x3646, get_data_ready_status 0xE4B8 (ready when the low
/// 11 bits are not 0) and read_measurement 0xEC05 (CO2 ppm, T = -45 + 175 x ST / 65535,
/// RH = 100 x SRH / 65535). The simulated chip has a new measurement ready whenever it is measuring.
/// </summary>
internal sealed class SimulatedScd4x(I2cConnectionSettings settings, SimulatedAir air) : SensirionChip(settings, air)
{
    private bool _measuring;

    protected override ushort[]? Execute(ushort command, int length)
    {
        switch (command)
        {
            case 0x21B1:
                _measuring = true;
                return null;
            case 0x3F86:
                _measuring = false;
                return null;
            case 0x3646:
                return null;
            case 0xE4B8:
                return [_measuring ? (ushort)0x8006 : (ushort)0x8000];
            case 0xEC05 when !_measuring:
                throw new IOException("SCD4x: read_measurement while idle (NACK).");
            case 0xEC05:
                var ppm = Air.Fault == SimulatedSensorFault.Implausible ? 0xFFFF : (ushort)Math.Clamp(Math.Round(Air.Co2Ppm), 0, 40_000);
                return [(ushort)ppm, Raw(Air.Celsius, -45, 175), Raw(Air.Humidity, 0, 100)];
            case 0xE000 when length == 5:
                return null; // set_ambient_pressure
            default:
                throw new IOException($"SCD4x: unknown command 0x{command:X4} (NACK).");
        }
    }
}
