using System.Buffers.Binary;
using System.Device.I2c;

namespace Kiosk.Tests.Hardware;

/// <summary>
/// A bare 16-bit register file behind the pointer-register protocol: a test sets raw register
/// values to check a driver's conversions bit by bit, and sees every register the driver writes.
/// </summary>
internal sealed class RegisterFileDevice : I2cDevice
{
    private byte _pointer;

    public Dictionary<byte, ushort> Registers { get; } = [];

    public List<(byte Register, ushort Value)> Writes { get; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x40);

    public ushort this[Enum register]
    {
        get => Registers.GetValueOrDefault(Convert.ToByte(register, System.Globalization.CultureInfo.InvariantCulture));
        set => Registers[Convert.ToByte(register, System.Globalization.CultureInfo.InvariantCulture)] = value;
    }

    public override byte ReadByte() => throw new NotSupportedException();

    public override void WriteByte(byte value) => _pointer = value;

    public override void Read(Span<byte> buffer) => BinaryPrimitives.WriteUInt16BigEndian(buffer, Registers.GetValueOrDefault(_pointer));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pointer = buffer[0];
        if (buffer.Length == 3)
        {
            var value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            Registers[_pointer] = value;
            Writes.Add((_pointer, value));
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }
}
