using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Kiosk.Tokens;

/// <summary>
/// The stateless checks of a scan-to-open pass or command token (ES256 JWS, contract section 2),
/// in a fixed order; the first failing check gives the <see cref="DenyReason"/>:
/// <list type="number">
/// <item>too_large: longer than <see cref="TokenValidationOptions.MaxTokenBytes"/> UTF-8 bytes.</item>
/// <item>malformed: not three non-empty strict base64url segments of ASCII.</item>
/// <item>malformed: header not a JSON object, duplicate names, <c>alg</c>/<c>kid</c> missing or not strings.</item>
/// <item>unsupported_alg: <c>alg</c> other than ES256 (<c>none</c>, HS256, EdDSA...), or a <c>crit</c> header.</item>
/// <item>unknown_key: <c>kid</c> not in the trust store.</item>
/// <item>bad_signature: signature not 64 bytes, or not valid for the key.</item>
/// <item>malformed: payload (only now read) not a JSON object, duplicate names, claims missing or of the wrong type or range.</item>
/// <item>wrong_issuer, wrong_audience, lifetime_too_long, expired, not_yet_valid, role_forbidden.</item>
/// </list>
/// Never throws for any input. Thread-safe.
/// </summary>
public sealed class TokenValidator
{
    private const int MaxJsonDepth = PropertyNameGuard.MaxDepth;
    private const int MaxIdLength = 128;

    /// <summary>Largest NumericDate accepted: 9999-12-31T23:59:59Z.</summary>
    private const long MaxNumericDate = 253_402_300_799;

    private readonly TrustStore _trustStore;
    private readonly TimeProvider _time;
    private readonly byte[][] _audiences;
    private readonly int _maxTokenBytes;
    private readonly long _skewMs;
    private readonly long _maxPassLifetimeSeconds;
    private readonly long _maxCommandLifetimeSeconds;

    public TokenValidator(TrustStore trustStore, TokenValidationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Audiences is not { Count: > 0 } || options.Audiences.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("at least one non-empty audience (the kiosk id) is required", nameof(options));
        }

        if (options.ClockSkew < TimeSpan.Zero || options.MaxPassLifetime <= TimeSpan.Zero || options.MaxCommandLifetime <= TimeSpan.Zero || options.MaxTokenBytes < 16)
        {
            throw new ArgumentException("clock skew must not be negative; lifetimes and the size limit must be positive", nameof(options));
        }

        _trustStore = trustStore;
        _time = timeProvider;
        _audiences = options.Audiences.Select(Encoding.UTF8.GetBytes).ToArray();
        _maxTokenBytes = options.MaxTokenBytes;
        _skewMs = (long)options.ClockSkew.TotalMilliseconds;
        _maxPassLifetimeSeconds = (long)options.MaxPassLifetime.TotalSeconds;
        _maxCommandLifetimeSeconds = (long)options.MaxCommandLifetime.TotalSeconds;
    }

    public TokenValidationResult Validate(string? token) => Validate(token.AsSpan());

    public TokenValidationResult Validate(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        if (token.Length > _maxTokenBytes)
        {
            return TokenValidationResult.Denied(DenyReason.TooLarge);
        }

        // One pooled buffer: the ASCII token (the JWS signing input is its first two segments), then the decoded segments.
        var buffer = ArrayPool<byte>.Shared.Rent(token.Length * 2 + 8);
        try
        {
            return Validate(token, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TokenValidationResult Validate(ReadOnlySpan<char> token, byte[] buffer)
    {
        var ascii = buffer.AsSpan(0, token.Length);
        if (Ascii.FromUtf16(token, ascii, out _) != OperationStatus.Done)
        {
            // Never a valid token, but the size limit is in bytes and reported first.
            return TokenValidationResult.Denied(Encoding.UTF8.GetByteCount(token) > _maxTokenBytes ? DenyReason.TooLarge : DenyReason.Malformed);
        }

        var firstDot = ascii.IndexOf((byte)'.');
        if (firstDot <= 0)
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var secondDot = ascii[(firstDot + 1)..].IndexOf((byte)'.');
        if (secondDot <= 0)
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        secondDot += firstDot + 1;
        if (secondDot == ascii.Length - 1 || ascii[(secondDot + 1)..].Contains((byte)'.'))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var scratch = buffer.AsSpan(token.Length);
        if (!Base64UrlStrict.TryDecode(ascii[..firstDot], scratch, out var headerLength))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var header = scratch[..headerLength];
        scratch = scratch[headerLength..];
        if (!Base64UrlStrict.TryDecode(ascii[(firstDot + 1)..secondDot], scratch, out var payloadLength))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var payload = scratch[..payloadLength];
        scratch = scratch[payloadLength..];
        if (!Base64UrlStrict.TryDecode(ascii[(secondDot + 1)..], scratch, out var signatureLength))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var signature = scratch[..signatureLength];
        var headerCheck = ReadHeader(header, out var key);
        if (headerCheck is { } headerDeny)
        {
            return TokenValidationResult.Denied(headerDeny);
        }

        if (signature.Length != 64 || !key!.VerifyEs256(ascii[..secondDot], signature))
        {
            return TokenValidationResult.Denied(DenyReason.BadSignature);
        }

        // Only a correctly signed payload is parsed at all.
        var claims = default(PayloadClaims);
        if (!ReadPayload(payload, key, ref claims))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        if (!claims.IssuerMatches)
        {
            return TokenValidationResult.Denied(DenyReason.WrongIssuer);
        }

        if (!claims.AudienceMatches)
        {
            return TokenValidationResult.Denied(DenyReason.WrongAudience);
        }

        var maxLifetime = claims.Cmd is null or ValidatedToken.UnlockCommand ? _maxPassLifetimeSeconds : _maxCommandLifetimeSeconds;
        if (claims.Exp - claims.Iat > maxLifetime)
        {
            return TokenValidationResult.Denied(DenyReason.LifetimeTooLong);
        }

        // RFC 7519: a token is valid strictly before exp; the skew widens both ends of the window.
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (nowMs >= (claims.Exp * 1000) + _skewMs)
        {
            return TokenValidationResult.Denied(DenyReason.Expired);
        }

        if ((claims.HasNbf && (claims.Nbf * 1000) - _skewMs > nowMs) || (claims.Iat * 1000) - _skewMs > nowMs)
        {
            return TokenValidationResult.Denied(DenyReason.NotYetValid);
        }

        if (!key.MayGrant(claims.Role))
        {
            return TokenValidationResult.Denied(DenyReason.RoleForbidden);
        }

        return TokenValidationResult.Valid(new ValidatedToken(
            payload.ToArray(),
            key.Kid,
            key.Issuer,
            claims.Sub!,
            claims.Jti!,
            claims.Role,
            claims.Door,
            claims.Act,
            claims.Cmd,
            DateTimeOffset.FromUnixTimeSeconds(claims.Iat),
            DateTimeOffset.FromUnixTimeSeconds(claims.Exp),
            claims.HasNbf ? DateTimeOffset.FromUnixTimeSeconds(claims.Nbf) : null));
    }

    /// <summary>Header checks in order: malformed, unsupported_alg (alg, then crit), unknown_key.</summary>
    private DenyReason? ReadHeader(ReadOnlySpan<byte> json, out TrustedKey? key)
    {
        key = null;
        bool hasAlg = false, isEs256 = false, hasKid = false, hasCrit = false;
        if (!Utf8.IsValid(json))
        {
            return DenyReason.Malformed;
        }

        var names = ArrayPool<byte>.Shared.Rent(json.Length + 8);
        try
        {
            var guard = new PropertyNameGuard(names);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return DenyReason.Malformed;
            }

            guard.EnterObject();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        guard.EnterObject();
                        break;
                    case JsonTokenType.EndObject:
                        guard.ExitObject();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!guard.TryAdd(ref reader))
                        {
                            return DenyReason.Malformed;
                        }

                        if (reader.CurrentDepth != 1)
                        {
                            break;
                        }

                        if (reader.ValueTextEquals("alg"u8))
                        {
                            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                            {
                                return DenyReason.Malformed;
                            }

                            hasAlg = true;
                            isEs256 = reader.ValueTextEquals("ES256"u8);
                        }
                        else if (reader.ValueTextEquals("kid"u8))
                        {
                            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                            {
                                return DenyReason.Malformed;
                            }

                            hasKid = true;
                            key = _trustStore.Find(ref reader);
                        }
                        else if (reader.ValueTextEquals("typ"u8))
                        {
                            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                            {
                                return DenyReason.Malformed;
                            }
                        }
                        else if (reader.ValueTextEquals("crit"u8))
                        {
                            hasCrit = true;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return DenyReason.Malformed;
        }
        catch (InvalidOperationException)
        {
            return DenyReason.Malformed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(names);
        }

        if (!hasAlg || !hasKid)
        {
            return DenyReason.Malformed;
        }

        // crit names extensions the kiosk would have to understand; it understands none, like an unknown alg.
        if (!isEs256 || hasCrit)
        {
            return DenyReason.UnsupportedAlg;
        }

        return key is null ? DenyReason.UnknownKey : null;
    }

    /// <summary>Reads the claims; false means malformed (syntax, duplicates, a required claim missing, a wrong type or range).</summary>
    private bool ReadPayload(ReadOnlySpan<byte> json, TrustedKey key, ref PayloadClaims claims)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        var names = ArrayPool<byte>.Shared.Rent(json.Length + 8);
        try
        {
            var guard = new PropertyNameGuard(names);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            guard.EnterObject();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        guard.EnterObject();
                        break;
                    case JsonTokenType.EndObject:
                        guard.ExitObject();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!guard.TryAdd(ref reader) || (reader.CurrentDepth == 1 && !ReadClaim(ref reader, key, ref claims)))
                        {
                            return false;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(names);
        }

        return claims.HasIss && claims.HasAud && claims.Sub is not null && claims.Jti is not null
            && claims.HasIat && claims.HasExp && claims.Exp >= claims.Iat;
    }

    /// <summary>Reads a registered claim's value (the reader is on its name); other claims are left to the caller's walk.</summary>
    private bool ReadClaim(ref Utf8JsonReader reader, TrustedKey key, ref PayloadClaims claims)
    {
        if (reader.ValueTextEquals("iss"u8))
        {
            if (!ReadString(ref reader))
            {
                return false;
            }

            claims.HasIss = true;
            claims.IssuerMatches = reader.ValueTextEquals(key.IssuerUtf8);
        }
        else if (reader.ValueTextEquals("aud"u8))
        {
            return ReadAudience(ref reader, ref claims);
        }
        else if (reader.ValueTextEquals("sub"u8))
        {
            return ReadId(ref reader, out claims.Sub);
        }
        else if (reader.ValueTextEquals("jti"u8))
        {
            return ReadId(ref reader, out claims.Jti);
        }
        else if (reader.ValueTextEquals("iat"u8))
        {
            return claims.HasIat = ReadNumericDate(ref reader, out claims.Iat);
        }
        else if (reader.ValueTextEquals("exp"u8))
        {
            return claims.HasExp = ReadNumericDate(ref reader, out claims.Exp);
        }
        else if (reader.ValueTextEquals("nbf"u8))
        {
            return claims.HasNbf = ReadNumericDate(ref reader, out claims.Nbf);
        }
        else if (reader.ValueTextEquals("role"u8))
        {
            return ReadRole(ref reader, out claims.Role);
        }
        else if (reader.ValueTextEquals("door"u8))
        {
            return ReadId(ref reader, out claims.Door);
        }
        else if (reader.ValueTextEquals("act"u8))
        {
            if (!ReadString(ref reader))
            {
                return false;
            }

            claims.Act = reader.ValueTextEquals("checkin"u8) ? ValidatedToken.CheckIn : reader.ValueTextEquals("checkout"u8) ? ValidatedToken.CheckOut : null;
            return claims.Act is not null;
        }
        else if (reader.ValueTextEquals("cmd"u8))
        {
            if (!ReadString(ref reader))
            {
                return false;
            }

            // The common names come back as constants: the door path allocates nothing for them.
            claims.Cmd = reader.ValueTextEquals("unlock"u8) ? ValidatedToken.UnlockCommand : reader.GetString();
            return claims.Cmd is { Length: > 0 and <= MaxIdLength };
        }

        return true;
    }

    private bool ReadAudience(ref Utf8JsonReader reader, ref PayloadClaims claims)
    {
        if (!reader.Read())
        {
            return false;
        }

        claims.HasAud = true;
        if (reader.TokenType == JsonTokenType.String)
        {
            claims.AudienceMatches = IsOurAudience(ref reader);
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            claims.AudienceMatches |= IsOurAudience(ref reader);
        }

        return true;
    }

    private bool IsOurAudience(ref Utf8JsonReader reader)
    {
        foreach (var audience in _audiences)
        {
            if (reader.ValueTextEquals(audience))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadString(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.String;

    /// <summary>sub, jti, door: 1-128 characters, no control characters (they end up in logs and events).</summary>
    private static bool ReadId(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!ReadString(ref reader) || reader.ValueSpan.Length > MaxIdLength * 6)
        {
            return false;
        }

        var s = reader.GetString()!;
        if (s.Length is 0 or > MaxIdLength)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        value = s;
        return true;
    }

    /// <summary>An integer number of seconds from 0 to year 9999; fractions, exponents and strings are malformed.</summary>
    private static bool ReadNumericDate(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.Read()
            && reader.TokenType == JsonTokenType.Number
            && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
            && reader.TryGetInt64(out value)
            && value is >= 0 and <= MaxNumericDate;
    }

    private static bool ReadRole(ref Utf8JsonReader reader, out KioskRole role)
    {
        role = KioskRole.Worker;
        if (!ReadString(ref reader))
        {
            return false;
        }

        if (reader.ValueTextEquals("worker"u8))
        {
            role = KioskRole.Worker;
        }
        else if (reader.ValueTextEquals("steward"u8))
        {
            role = KioskRole.Steward;
        }
        else if (reader.ValueTextEquals("maintenance"u8))
        {
            role = KioskRole.Maintenance;
        }
        else if (reader.ValueTextEquals("operator"u8))
        {
            role = KioskRole.Operator;
        }
        else
        {
            return false;
        }

        return true;
    }

    private struct PayloadClaims
    {
        public bool HasIss;
        public bool IssuerMatches;
        public bool HasAud;
        public bool AudienceMatches;
        public string? Sub;
        public string? Jti;
        public string? Door;
        public string? Act;
        public string? Cmd;
        public bool HasIat;
        public long Iat;
        public bool HasExp;
        public long Exp;
        public bool HasNbf;
        public long Nbf;
        public KioskRole Role;
    }
}
