namespace Kiosk.Edge.Climate.Sensors;

/// <summary>
/// The CRC-8 Sensirion puts after every 16-bit word (SHT3x datasheet section 4.12, SHT4x and SCD4x
/// alike): polynomial 0x31 (x^8 + x^5 + x^4 + 1), initial value 0xFF, no reflection, no final XOR.
/// CRC of 0xBEEF is 0x92.
/// </summary>
internal static class SensirionCrc
{
    public static byte Compute(ReadOnlySpan<byte> data)
    {
        byte crc = 0xFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>Whether every 3-byte group (word, CRC) of a Sensirion read frame checks out.</summary>
    public static bool FrameValid(ReadOnlySpan<byte> frame)
    {
        for (var i = 0; i + 3 <= frame.Length; i += 3)
        {
            if (Compute(frame.Slice(i, 2)) != frame[i + 2])
            {
                return false;
            }
        }

        return true;
    }
}
