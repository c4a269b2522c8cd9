namespace Kiosk.Tokens;

/// <summary>What a QR scanner reads: the bare token, or an http(s) URL whose query parameter <c>t</c> holds it.</summary>
public static class ScannedText
{
    /// <summary>
    /// Extracts the token: surrounding whitespace (scanners end lines with CR/LF) is trimmed, then one
    /// leading AIM symbology identifier is stripped (ISO/IEC 15424: <c>]</c>, a code character, a
    /// modifier character, e.g. <c>]Q1</c> for QR Code, which scanners can be set to prefix), then a
    /// URL's <c>t</c> is percent-decoded. Nothing else is stripped: a second identifier stays and the
    /// scan is denied. False for empty text, a URL without exactly one non-empty <c>t</c>, or a bare
    /// text with whitespace inside (the scan is then denied as malformed).
    /// </summary>
    public static bool TryExtractToken(string? scanned, out string token)
    {
        token = "";
        var text = StripSymbologyIdentifier(scanned.AsSpan().Trim());
        if (text.IsEmpty)
        {
            return false;
        }

        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return TryFromUrl(text, out token);
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        token = text.ToString();
        return true;
    }

    /// <summary>
    /// One AIM symbology identifier: <c>]</c>, a code character (an ASCII letter, e.g. <c>Q</c> QR Code,
    /// <c>d</c> Data Matrix, <c>A</c> Code 39) and a modifier character (an ASCII letter or digit).
    /// Neither a token (base64url) nor a URL can start with <c>]</c>, so this never eats data.
    /// </summary>
    private static ReadOnlySpan<char> StripSymbologyIdentifier(ReadOnlySpan<char> text) =>
        text is [']', var code, var modifier, ..] && char.IsAsciiLetter(code) && char.IsAsciiLetterOrDigit(modifier)
            ? text[3..]
            : text;

    private static bool TryFromUrl(ReadOnlySpan<char> url, out string token)
    {
        token = "";
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var question = url.IndexOf('?');
        if (question < 0)
        {
            return false;
        }

        string? found = null;
        foreach (var range in url[(question + 1)..].Split('&'))
        {
            var pair = url[(question + 1)..][range];
            if (!pair.StartsWith("t=", StringComparison.Ordinal))
            {
                continue;
            }

            // Two t parameters are ambiguous; refuse rather than guess which one the issuer meant.
            if (found is not null)
            {
                return false;
            }

            // Invalid escapes stay as they are (it never throws): the token is then denied as malformed.
            found = Uri.UnescapeDataString(pair[2..].ToString());
        }

        if (string.IsNullOrWhiteSpace(found))
        {
            return false;
        }

        token = found.Trim();
        return true;
    }
}
