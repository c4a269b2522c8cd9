using System.Buffers.Binary;
using System.Device.I2c;

namespace Kiosk.Edge.Hardware.Ina226;

/// <summary>
/// An INA226 in memory, built from the datasheet's register map: power-on defaults (configuration
/// 0x4127), manufacturer id 0x5449 and die id 0x2260, the reserved calibration bit 15,
/// current = shunt x Cal / 2048 and power = current x bus / 20000, CVRF set by a conversion and
/// cleared by reading Mask/Enable (or writing the configuration), OVF on arithmetic overflow.
/// </summary>
internal sealed class SimulatedIna226 : I2cDevice
{
    public const ushort DefaultConfiguration = 0x4127;

    private readonly Lock _gate = new();
    private readonly Dictionary<Ina226Register, ushort> _registers = [];
    private readonly Func<double> _amps;
    private byte _pointer;

    public SimulatedIna226(I2cConnectionSettings settings, double shuntOhms, Func<double> amps, double busVolts = 24)
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

    public bool Responding { get; set; } = true;

    /// <summary>Die id the chip reports; a test sets another to play a different part at the address.</summary>
    public ushort DieId { get; set; } = 0x2260;

    public List<(Ina226Register Register, ushort Value)> Writes { get; } = [];

    /// <summary>
    /// True (default): a conversion completes before each Mask/Enable read, as when the chip converts
    /// faster than the guard samples. False: only <see cref="Convert"/> converts (tests of CVRF).
    /// </summary>
    public bool AutoConvert { get; set; } = true;

    public ushort this[Ina226Register register]
    {
        get
        {
            lock (_gate)
            {
                return _registers.GetValueOrDefault(register);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            foreach (var r in Enum.GetValues<Ina226Register>())
            {
                _registers[r] = 0;
            }

            _registers[Ina226Register.Configuration] = DefaultConfiguration;
        }
    }

    public override byte ReadByte() => throw new NotSupportedException("The INA226 transfers 16-bit registers.");

    public override void WriteByte(byte value) => Write([value]);

    public override void Read(Span<byte> buffer)
    {
        EnsureResponding();
        lock (_gate)
        {
            var register = (Ina226Register)_pointer;
            if (register == Ina226Register.MaskEnable && AutoConvert)
            {
                ConvertLocked();
            }

            var value = register switch
            {
                Ina226Register.ManufacturerId => (ushort)0x5449,
                Ina226Register.DieId => DieId,
                _ => _registers[register],
            };
            if (register == Ina226Register.MaskEnable)
            {
                _registers[register] &= unchecked((ushort)~0x0018); // reading clears CVRF and AFF
            }

            BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureResponding();
        if (buffer.Length is not (1 or 3))
        {
            throw new IOException($"INA226 expects a pointer byte or pointer plus 16-bit value, got {buffer.Length} bytes.");
        }

        lock (_gate)
        {
            if (!Enum.IsDefined((Ina226Register)buffer[0]))
            {
                throw new IOException($"INA226 has no register 0x{buffer[0]:X2}.");
            }

            _pointer = buffer[0];
            if (buffer.Length == 3)
            {
                WriteRegister((Ina226Register)_pointer, BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]));
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    /// <summary>One completed conversion in continuous mode: sample the physical side, compute, set CVRF.</summary>
    public void Convert()
    {
        lock (_gate)
        {
            ConvertLocked();
        }
    }

    private void ConvertLocked()
    {
        var mode = _registers[Ina226Register.Configuration] & 0b111;
        if (mode is 0b000 or 0b100)
        {
            return; // power-down
        }

        var shuntVolts = Math.Clamp(_amps() * ShuntOhms, -Ina226Calibration.ShuntRange, Ina226Calibration.ShuntRange);
        var shuntRaw = (int)Math.Round(shuntVolts / Ina226Calibration.ShuntVoltLsb);
        var busRaw = (int)Math.Round(Math.Clamp(BusVolts, 0, 40.96) / Ina226Calibration.BusVoltLsb);
        var cal = _registers[Ina226Register.Calibration];
        var current = (long)shuntRaw * cal / 2048;
        var power = Math.Abs(current) * busRaw / 20000;
        var overflow = current is > short.MaxValue or < short.MinValue || power > ushort.MaxValue;
        _registers[Ina226Register.ShuntVoltage] = (ushort)(short)shuntRaw;
        _registers[Ina226Register.BusVoltage] = (ushort)Math.Min(busRaw, 0x7FFF);
        if (!overflow)
        {
            _registers[Ina226Register.Current] = (ushort)(short)current;
            _registers[Ina226Register.Power] = (ushort)power;
        }

        var flags = _registers[Ina226Register.MaskEnable] & unchecked((ushort)~0x0004);
        _registers[Ina226Register.MaskEnable] = (ushort)(flags | 0x0008 | (overflow ? 0x0004 : 0));
    }

    private void EnsureResponding()
    {
        if (!Responding)
        {
            throw new IOException("INA226 did not acknowledge its address.");
        }
    }

    private void WriteRegister(Ina226Register register, ushort value)
    {
        Writes.Add((register, value));
        switch (register)
        {
            case Ina226Register.Configuration when (value & 0x8000) != 0:
                Reset();
                break;
            case Ina226Register.Configuration:
                _registers[register] = (ushort)((value & 0x0FFF) | 0x4000);
                _registers[Ina226Register.MaskEnable] &= unchecked((ushort)~0x0008); // writing configuration clears CVRF
                break;
            case Ina226Register.Calibration:
                _registers[register] = (ushort)(value & 0x7FFF);
                break;
            case Ina226Register.MaskEnable:
                _registers[register] = (ushort)((_registers[register] & 0x001C) | (value & 0xFC03));
                break;
            case Ina226Register.AlertLimit:
                _registers[register] = value;
                break;
            default:
                break; // read-only
        }
    }
}
