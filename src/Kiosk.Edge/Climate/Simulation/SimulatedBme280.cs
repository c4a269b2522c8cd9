using System.Buffers.Binary;
using System.Device.I2c;

namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// A BME280 from its datasheet (section 5): an 8-bit register file with an auto-incrementing
/// pointer, chip id 0x60 at 0xD0, soft reset 0xB6 at 0xE0, calibration words at 0x88-0xA1 and
/// 0xE1-0xE7, ctrl_hum 0xF2, status 0xF3, ctrl_meas 0xF4 (a forced mode write measures once and
/// returns to sleep; normal mode measures on every data read), config 0xF5, and the raw 20-bit
/// pressure and temperature and 16-bit humidity at 0xF7-0xFE. The raw values are found by inverting
/// the datasheet's compensation formulas (section 4.2.3, floating point) for the air's values.
/// </summary>
internal sealed class SimulatedBme280 : I2cDevice
{
    // Calibration words of a real part (the datasheet's example trimming values where it gives them).
    private const ushort T1 = 27504;
    private const short T2 = 26435;
    private const short T3 = -1000;
    private const byte H1 = 75;
    private const short H2 = 362;
    private const byte H3 = 0;
    private const short H4 = 313;
    private const short H5 = 50;
    private const sbyte H6 = 30;

    private readonly Lock _gate = new();
    private readonly byte[] _registers = new byte[256];
    private readonly SimulatedAir _air;
    private byte _pointer;

    public SimulatedBme280(I2cConnectionSettings settings, SimulatedAir air)
    {
        ConnectionSettings = settings;
        _air = air;
        PowerOnReset();
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>The register at an address, as a test would probe it.</summary>
    public byte this[byte register]
    {
        get
        {
            lock (_gate)
            {
                return _registers[register];
            }
        }
    }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        EnsureAnswering();
        lock (_gate)
        {
            if (_pointer >= 0xF7 && (_registers[0xF4] & 0b11) == 0b11)
            {
                Measure();
            }

            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _registers[_pointer];
                _pointer = (byte)(_pointer + 1);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureAnswering();
        if (buffer.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _pointer = buffer[0];
            // Pairs of (register, value) (datasheet 6.2.1: multiple-byte write is not auto-incremented).
            for (var i = 0; i + 1 < buffer.Length; i += 2)
            {
                WriteRegister(buffer[i], buffer[i + 1]);
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    /// <summary>Temperature in °C the chip's own compensation gives for a raw 20-bit value (datasheet 4.2.3, double precision).</summary>
    internal static double Celsius(int adcT, out double tFine)
    {
        var var1 = (adcT / 16384.0 - T1 / 1024.0) * T2;
        var var2 = (adcT / 131072.0 - T1 / 8192.0) * (adcT / 131072.0 - T1 / 8192.0) * T3;
        tFine = (int)(var1 + var2);
        return (var1 + var2) / 5120.0;
    }

    /// <summary>Relative humidity in % the compensation gives for a raw 16-bit value at a fine temperature.</summary>
    internal static double Humidity(int adcH, double tFine)
    {
        var h = tFine - 76800.0;
        h = (adcH - (H4 * 64.0 + H5 / 16384.0 * h)) * (H2 / 65536.0 * (1.0 + H6 / 67108864.0 * h * (1.0 + H3 / 67108864.0 * h)));
        h *= 1.0 - H1 * h / 524288.0;
        return Math.Clamp(h, 0, 100);
    }

    private static int Solve(Func<int, double> f, double target, int max)
    {
        int lo = 0, hi = max;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (f(mid) < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void EnsureAnswering()
    {
        if (_air.Fault == SimulatedSensorFault.NoAnswer)
        {
            throw new IOException("BME280 did not acknowledge its address.");
        }
    }

    private void WriteRegister(byte register, byte value)
    {
        switch (register)
        {
            case 0xE0 when value == 0xB6:
                PowerOnReset();
                break;
            case 0xF2:
                _registers[0xF2] = (byte)(value & 0b111);
                break;
            case 0xF4:
                _registers[0xF4] = value;
                if ((value & 0b11) is 0b01 or 0b10)
                {
                    Measure();
                    _registers[0xF4] = (byte)(value & 0b1111_1100); // back to sleep after one forced measurement
                }

                break;
            case 0xF5:
                _registers[0xF5] = value;
                break;
            default:
                break; // read-only (calibration, id, data) or reserved
        }
    }

    private void Measure()
    {
        int adcT, adcH;
        if (_air.Fault is SimulatedSensorFault.Implausible or SimulatedSensorFault.CrcError)
        {
            adcT = 0xFFFFF;
            adcH = 0xFFFF;
        }
        else
        {
            adcT = Solve(raw => Celsius(raw, out _), _air.Celsius, 0xFFFFF);
            Celsius(adcT, out var tFine);
            adcH = Solve(raw => Humidity(raw, tFine), _air.Humidity, 0xFFFF);
        }

        const int adcP = 0x65000; // about 1000 hPa with typical pressure trimming; the kiosk does not use pressure
        Put20(0xF7, adcP);
        Put20(0xFA, adcT);
        BinaryPrimitives.WriteUInt16BigEndian(_registers.AsSpan(0xFD), (ushort)adcH);
    }

    private void Put20(int register, int raw)
    {
        _registers[register] = (byte)(raw >> 12);
        _registers[register + 1] = (byte)(raw >> 4);
        _registers[register + 2] = (byte)((raw & 0xF) << 4);
    }

    private void PowerOnReset()
    {
        Array.Clear(_registers);
        _registers[0xD0] = 0x60;
        var cal = _registers.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(cal[0x88..], T1);
        BinaryPrimitives.WriteInt16LittleEndian(cal[0x8A..], T2);
        BinaryPrimitives.WriteInt16LittleEndian(cal[0x8C..], T3);
        short[] pressure = [-10685, 3024, 2855, 140, -7, 15500, -14600, 6000];
        BinaryPrimitives.WriteUInt16LittleEndian(cal[0x8E..], 36477);
        for (var i = 0; i < pressure.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(cal[(0x90 + 2 * i)..], pressure[i]);
        }

        _registers[0xA1] = H1;
        BinaryPrimitives.WriteInt16LittleEndian(cal[0xE1..], H2);
        _registers[0xE3] = H3;
        _registers[0xE4] = (byte)(H4 >> 4);
        _registers[0xE5] = (byte)((H4 & 0xF) | ((H5 & 0xF) << 4));
        _registers[0xE6] = (byte)(H5 >> 4);
        _registers[0xE7] = (byte)H6;
        _registers[0xF3] = 0; // status: not measuring, NVM copied
    }
}
