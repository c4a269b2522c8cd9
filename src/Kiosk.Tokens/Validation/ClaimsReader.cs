using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// Reads the registered claims of a correctly signed payload into <see cref="PayloadClaims"/>:
/// each known claim must have its type and range (<see cref="ClaimValue"/>); other claims are
/// command arguments and are left alone. Issuer and audience are matched, not yet judged.
/// </summary>
internal struct ClaimsReader : ITopLevelPropertyVisitor
{
    private readonly TrustedKey _key;
    private readonly AudienceSet _audiences;
    private PayloadClaims _claims;

    private ClaimsReader(TrustedKey key, AudienceSet audiences)
    {
        _key = key;
        _audiences = audiences;
    }

    /// <summary>
    /// Reads <paramref name="json"/>; false means malformed (syntax, duplicates, a claim of the wrong
    /// type or range, a required claim missing, exp before iat).
    /// </summary>
    /// <param name="key">The key that signed the token: <c>iss</c> must name its issuer.</param>
    public static bool TryRead(ReadOnlySpan<byte> json, TrustedKey key, AudienceSet audiences, out PayloadClaims claims)
    {
        var reader = new ClaimsReader(key, audiences);
        var wellFormed = GuardedJsonObject.TryWalk(json, ref reader);
        claims = reader._claims;
        return wellFormed && claims.IsComplete;
    }

    public bool Visit(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("iss"u8))
        {
            if (!ClaimValue.ReadString(ref reader))
            {
                return false;
            }

            _claims.HasIss = true;
            _claims.IssuerMatches = reader.ValueTextEquals(_key.IssuerUtf8);
            return true;
        }

        if (reader.ValueTextEquals("aud"u8))
        {
            return _claims.HasAud = _audiences.TryRead(ref reader, out _claims.AudienceMatches);
        }

        if (reader.ValueTextEquals("iat"u8))
        {
            return _claims.HasIat = ClaimValue.ReadNumericDate(ref reader, out _claims.Iat);
        }

        if (reader.ValueTextEquals("exp"u8))
        {
            return _claims.HasExp = ClaimValue.ReadNumericDate(ref reader, out _claims.Exp);
        }

        if (reader.ValueTextEquals("nbf"u8))
        {
            return _claims.HasNbf = ClaimValue.ReadNumericDate(ref reader, out _claims.Nbf);
        }

        return reader.ValueTextEquals("sub"u8) ? ClaimValue.ReadId(ref reader, out _claims.Sub)
            : reader.ValueTextEquals("jti"u8) ? ClaimValue.ReadId(ref reader, out _claims.Jti)
            : reader.ValueTextEquals("door"u8) ? ClaimValue.ReadId(ref reader, out _claims.Door)
            : reader.ValueTextEquals("role"u8) ? ClaimValue.ReadRole(ref reader, out _claims.Role)
            : reader.ValueTextEquals("act"u8) ? ClaimValue.ReadAct(ref reader, out _claims.Act)
            : !reader.ValueTextEquals("cmd"u8) || ClaimValue.ReadCommand(ref reader, out _claims.Cmd);
    }
}
