using System.Buffers.Text;
using System.Text.Json;

namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// Reads the <c>iat</c> claim (RFC 7519 section 4.1.6, NumericDate seconds) of a compact JWS. Only
/// called on a token the validator refused for a time reason (<c>not_yet_valid</c>, <c>expired</c>):
/// it checks time after the signature, issuer, audience and lifetime, so that <c>iat</c> was signed
/// by a trusted key. Never throws; false for anything unreadable.
/// </summary>
internal static class SignedIssuedAt
{
    public static bool TryRead(string token, out DateTimeOffset iat)
    {
        iat = default;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIat = reader.ValueTextEquals("iat"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isIat)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seconds)
                        || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                    {
                        return false;
                    }

                    iat = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    return true;
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }

        return false;
    }
}
