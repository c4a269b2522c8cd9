using System.Buffers.Binary;
using System.Device.I2c;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// The 16-bit register protocol of TI's INA family (and many other sensors): write the register
/// pointer, then read or write two bytes, most significant first.
/// </summary>
internal static class I2cRegisters
{
    public static ushort ReadUInt16(I2cDevice device, byte register)
    {
        Span<byte> value = stackalloc byte[2];
        device.WriteRead([register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }

    public static void WriteUInt16(I2cDevice device, byte register, ushort value)
    {
        Span<byte> frame = [register, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(frame[1..], value);
        device.Write(frame);
    }
}
