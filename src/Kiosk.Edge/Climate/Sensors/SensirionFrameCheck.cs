using System.Device.I2c;

namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// Passes every transfer through to the chip and checks the CRC-8 of every word the chip sends back.
/// The library's Sht3x drops a frame with a bad CRC silently and keeps returning its previous values
/// (0 °C and 0 % before the first good frame): this lets the sensor report crc_error instead.
/// </summary>
internal sealed class SensirionFrameCheck(I2cDevice inner) : I2cDevice
{
    /// <summary>False when the last frame read had a word whose CRC did not match.</summary>
    public bool LastFrameValid { get; private set; } = true;

    public override I2cConnectionSettings ConnectionSettings => inner.ConnectionSettings;

    public override byte ReadByte() => inner.ReadByte();

    public override void Read(Span<byte> buffer)
    {
        inner.Read(buffer);
        LastFrameValid = buffer.Length % 3 != 0 || SensirionCrc.FrameValid(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override void WriteByte(byte value) => inner.WriteByte(value);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        inner.WriteRead(writeBuffer, readBuffer);
        LastFrameValid = readBuffer.Length % 3 != 0 || SensirionCrc.FrameValid(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
