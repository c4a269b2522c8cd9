using System.Buffers.Binary;
using System.Device.I2c;

namespace Kiosk.Edge.Hardware.Ina219;

/// <summary>
/// An INA219 in memory, built from the datasheet's register map: power-on defaults, the pointer
/// register, the void calibration bit 0, current = shunt x Cal / 4096 and power = current x bus / 5000
/// (equations 4 and 5), CNVR set by a conversion and cleared by reading power, OVF on arithmetic
/// overflow, and reset through bit 15 of the configuration. The physical side (shunt current, bus
/// voltage, shunt resistance) is set by the simulation or a test.
/// </summary>
internal sealed class SimulatedIna219 : I2cDevice
{
    public const ushort DefaultConfiguration = 0x399F;

    private readonly Lock _gate = new();
    private readonly ushort[] _registers = new ushort[6];
    private readonly Func<double> _amps;
    private byte _pointer;

    /// <param name="amps">The current through the shunt now (sampled at each conversion).</param>
    public SimulatedIna219(I2cConnectionSettings settings, double shuntOhms, Func<double> amps, double busVolts = 24)
    {
        ConnectionSettings = settings;
        ShuntOhms = shuntOhms;
        _amps = amps;
        BusVolts = busVolts;
        Reset();
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    public double ShuntOhms { get; }

    public double BusVolts { get; set; }

    /// <summary>False makes every transfer fail as a NACK would (unplugged, dead chip).</summary>
    public bool Responding { get; set; } = true;

    /// <summary>Every register write the master made, in order (register, value).</summary>
    public List<(Ina219Register Register, ushort Value)> Writes { get; } = [];

    /// <summary>The raw register value, as a test would probe it.</summary>
    public ushort this[Ina219Register register]
    {
        get
        {
            lock (_gate)
            {
                return _registers[(int)register];
            }
        }
    }

    /// <summary>Power-on reset, as after a brown-out.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_registers);
            _registers[(int)Ina219Register.Configuration] = DefaultConfiguration;
        }
    }

    public override byte ReadByte() => throw new NotSupportedException("The INA219 transfers 16-bit registers.");

    public override void WriteByte(byte value) => Write([value]);

    public override void Read(Span<byte> buffer)
    {
        EnsureResponding();
        lock (_gate)
        {
            ReadPointed(buffer);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureResponding();
        if (buffer.Length is not (1 or 3))
        {
            throw new IOException($"INA219 expects a pointer byte or pointer plus 16-bit value, got {buffer.Length} bytes.");
        }

        lock (_gate)
        {
            if (buffer[0] > (byte)Ina219Register.Calibration)
            {
                throw new IOException($"INA219 has no register 0x{buffer[0]:X2}.");
            }

            _pointer = buffer[0];
            if (buffer.Length == 3)
            {
                WriteRegister((Ina219Register)_pointer, BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]));
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void EnsureResponding()
    {
        if (!Responding)
        {
            throw new IOException("INA219 did not acknowledge its address.");
        }
    }

    private void WriteRegister(Ina219Register register, ushort value)
    {
        Writes.Add((register, value));
        switch (register)
        {
            case Ina219Register.Configuration when (value & 0x8000) != 0:
                Array.Clear(_registers);
                _registers[0] = DefaultConfiguration;
                break;
            case Ina219Register.Configuration:
                _registers[0] = value;
                break;
            case Ina219Register.Calibration:
                _registers[5] = (ushort)(value & 0xFFFE);
                break;
            default:
                // Measurement registers are read-only.
                break;
        }
    }

    private void ReadPointed(Span<byte> buffer)
    {
        var register = (Ina219Register)_pointer;
        if (register == Ina219Register.BusVoltage)
        {
            Convert();
        }

        var value = _registers[_pointer];
        if (register == Ina219Register.Power)
        {
            _registers[(int)Ina219Register.BusVoltage] &= 0xFFFD; // reading power clears CNVR
        }

        if (buffer.Length >= 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        }
        else if (buffer.Length == 1)
        {
            buffer[0] = (byte)(value >> 8);
        }
    }

    /// <summary>One completed conversion in continuous mode: sample the physical side and compute.</summary>
    private void Convert()
    {
        var config = _registers[0];
        if ((config & 0b111) is not (0b111 or 0b011 or 0b001 or 0b010 or 0b110 or 0b101))
        {
            return; // power-down or ADC off: registers hold
        }

        var pgaRange = 0.04 * (1 << ((config >> 11) & 0b11));
        var shuntVolts = Math.Clamp(_amps() * ShuntOhms, -pgaRange, pgaRange);
        var shuntRaw = (int)Math.Round(shuntVolts / Ina219Calibration.ShuntVoltLsb);
        var busMax = (config & 0x2000) != 0 ? 32.0 : 16.0;
        var busRaw = (int)Math.Round(Math.Min(BusVolts, busMax) / Ina219Calibration.BusVoltLsb);
        _registers[(int)Ina219Register.ShuntVoltage] = (ushort)(short)shuntRaw;

        var cal = _registers[(int)Ina219Register.Calibration];
        var current = (long)shuntRaw * cal / 4096;
        var power = Math.Abs(current) * busRaw / 5000;
        var overflow = current is > short.MaxValue or < short.MinValue || power > ushort.MaxValue;
        _registers[(int)Ina219Register.Current] = overflow ? (ushort)0 : (ushort)(short)current;
        _registers[(int)Ina219Register.Power] = overflow ? (ushort)0 : (ushort)power;
        _registers[(int)Ina219Register.BusVoltage] = (ushort)((busRaw << 3) | 0b10 | (overflow ? 1 : 0));
    }
}
