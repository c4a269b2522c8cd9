namespace Kiosk.Tokens.Validation;

/// <summary>
/// base64url without padding (RFC 7515 section 2), strict: only the 64 alphabet characters, no
/// whitespace or '=', and the unused trailing bits must be zero, so every value has exactly one encoding.
/// </summary>
internal static class Base64UrlStrict
{
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<byte> destination, out int written)
    {
        written = 0;
        var remainder = encoded.Length % 4;
        if (remainder == 1)
        {
            return false;
        }

        var full = encoded.Length - remainder;
        var o = 0;
        for (var i = 0; i < full; i += 4)
        {
            int a = Lookup(encoded[i]), b = Lookup(encoded[i + 1]), c = Lookup(encoded[i + 2]), d = Lookup(encoded[i + 3]);
            if ((a | b | c | d) < 0)
            {
                return false;
            }

            var v = (a << 18) | (b << 12) | (c << 6) | d;
            destination[o] = (byte)(v >> 16);
            destination[o + 1] = (byte)(v >> 8);
            destination[o + 2] = (byte)v;
            o += 3;
        }

        if (remainder == 2)
        {
            int a = Lookup(encoded[full]), b = Lookup(encoded[full + 1]);
            if ((a | b) < 0 || (b & 0x0F) != 0)
            {
                return false;
            }

            destination[o++] = (byte)((a << 2) | (b >> 4));
        }
        else if (remainder == 3)
        {
            int a = Lookup(encoded[full]), b = Lookup(encoded[full + 1]), c = Lookup(encoded[full + 2]);
            if ((a | b | c) < 0 || (c & 0x03) != 0)
            {
                return false;
            }

            var v = (a << 12) | (b << 6) | c;
            destination[o++] = (byte)(v >> 10);
            destination[o++] = (byte)(v >> 2);
        }

        written = o;
        return true;
    }

    /// <summary>The 6-bit value of an alphabet character (RFC 4648 section 5, table 2); -1 for any other byte.</summary>
    /// <remarks>Ranges rather than a lookup table: no static state, so every rule here is visible to mutation testing.</remarks>
    private static int Lookup(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'-' => 62,
        (byte)'_' => 63,
        _ => -1,
    };
}
