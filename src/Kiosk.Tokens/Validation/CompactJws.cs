namespace Kiosk.Tokens.Validation;

/// <summary>
/// A JWS in compact serialization (RFC 7515 section 7.1): <c>BASE64URL(header) '.' BASE64URL(payload) '.'
/// BASE64URL(signature)</c>. The rule: exactly three non-empty segments, each strict base64url
/// (<see cref="Base64UrlStrict"/>). The parts are views into the caller's buffers.
/// </summary>
internal readonly ref struct CompactJws
{
    private CompactJws(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        SigningInput = signingInput;
        Header = header;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The ASCII text the signature covers: the first two segments with the dot between them (RFC 7515 section 5.1).</summary>
    public ReadOnlySpan<byte> SigningInput { get; }

    /// <summary>The decoded JOSE header (not yet checked to be JSON).</summary>
    public ReadOnlySpan<byte> Header { get; }

    /// <summary>The decoded payload (not yet checked to be JSON).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The decoded signature, of any length.</summary>
    public ReadOnlySpan<byte> Signature { get; }

    /// <summary>Splits and decodes <paramref name="ascii"/>; false means malformed.</summary>
    /// <param name="ascii">The token as ASCII bytes.</param>
    /// <param name="scratch">Room for the decoded parts: at least <c>ascii.Length + 8</c> bytes.</param>
    /// <param name="jws">The parts, views into <paramref name="ascii"/> and <paramref name="scratch"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> ascii, Span<byte> scratch, out CompactJws jws)
    {
        jws = default;
        var firstDot = ascii.IndexOf((byte)'.');
        if (firstDot <= 0)
        {
            return false;
        }

        var secondDot = ascii[(firstDot + 1)..].IndexOf((byte)'.');
        if (secondDot <= 0)
        {
            return false;
        }

        secondDot += firstDot + 1;
        if (secondDot == ascii.Length - 1 || ascii[(secondDot + 1)..].Contains((byte)'.'))
        {
            return false;
        }

        if (!Base64UrlStrict.TryDecode(ascii[..firstDot], scratch, out var headerLength))
        {
            return false;
        }

        var header = scratch[..headerLength];
        scratch = scratch[headerLength..];
        if (!Base64UrlStrict.TryDecode(ascii[(firstDot + 1)..secondDot], scratch, out var payloadLength))
        {
            return false;
        }

        var payload = scratch[..payloadLength];
        scratch = scratch[payloadLength..];
        if (!Base64UrlStrict.TryDecode(ascii[(secondDot + 1)..], scratch, out var signatureLength))
        {
            return false;
        }

        jws = new CompactJws(ascii[..secondDot], header, payload, scratch[..signatureLength]);
        return true;
    }
}
