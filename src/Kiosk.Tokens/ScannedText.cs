namespace Kiosk.Tokens;

/// <summary>What a QR scanner reads: the bare token, or an http(s) URL whose query parameter <c>t</c> holds it.</summary>
public static class ScannedText
{
    /// <summary>
    /// Extracts the token: surrounding whitespace (scanners end lines with CR/LF) is trimmed, a URL's
    /// <c>t</c> is percent-decoded. False for empty text, a URL without exactly one non-empty <c>t</c>,
    /// or a bare text with whitespace inside (the scan is then denied as malformed).
    /// </summary>
    public static bool TryExtractToken(string? scanned, out string token)
    {
        token = "";
        var text = scanned.AsSpan().Trim();
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
