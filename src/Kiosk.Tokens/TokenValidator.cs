using System.Buffers;
using System.Text;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tokens;

/// <summary>
/// The stateless checks of a scan-to-open pass or command token (ES256 JWS, contract section 2),
/// in a fixed order; the first failing check gives the <see cref="DenyReason"/>:
/// <list type="number">
/// <item>too_large: longer than <see cref="TokenValidationOptions.MaxTokenBytes"/> UTF-8 bytes.</item>
/// <item>malformed: not three non-empty strict base64url segments of ASCII (<see cref="CompactJws"/>).</item>
/// <item>malformed, unsupported_alg, unknown_key: the header (<see cref="JoseHeader"/>).</item>
/// <item>bad_signature: signature not 64 bytes, or not valid for the key.</item>
/// <item>malformed: payload (only now read) not a JSON object, duplicate names, claims missing or of the wrong type or range (<see cref="ClaimsReader"/>).</item>
/// <item>wrong_issuer, wrong_audience (<see cref="AudienceSet"/>), lifetime_too_long (<see cref="LifetimeLimit"/>),
/// expired, not_yet_valid (<see cref="ValidityWindow"/>), role_forbidden.</item>
/// </list>
/// Never throws for any input. Thread-safe.
/// </summary>
public sealed class TokenValidator
{
    /// <summary>ES256 signatures are R || S, two 32-byte integers (RFC 7518 section 3.4).</summary>
    private const int Es256SignatureBytes = 64;

    private readonly Func<TrustStore> _trustStore;
    private readonly AudienceSet _audiences;
    private readonly LifetimeLimit _lifetime;
    private readonly ValidityWindow _window;
    private readonly int _maxTokenBytes;

    public TokenValidator(TrustStore trustStore, TokenValidationOptions options, TimeProvider timeProvider)
        : this(Fixed(trustStore), options, timeProvider)
    {
    }

    /// <summary>
    /// A validator whose trust store can be replaced while it runs (a reloaded trust store file): each
    /// validation calls <paramref name="trustStore"/> once and uses that store throughout, so one token is
    /// never judged against two stores. The delegate must be cheap and never return null.
    /// </summary>
    public TokenValidator(Func<TrustStore> trustStore, TokenValidationOptions options, TimeProvider timeProvider)
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
        _audiences = new AudienceSet(options.Audiences);
        _lifetime = new LifetimeLimit(options.MaxPassLifetime, options.MaxCommandLifetime);
        _window = new ValidityWindow(timeProvider, options.ClockSkew);
        _maxTokenBytes = options.MaxTokenBytes;
    }

    public TokenValidationResult Validate(string? token) => Validate(token.AsSpan());

    /// <summary>An empty token is malformed like any other text that is not three segments.</summary>
    public TokenValidationResult Validate(ReadOnlySpan<char> token)
    {
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

        if (!CompactJws.TryParse(ascii, buffer.AsSpan(token.Length), out var jws))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        if (JoseHeader.Check(jws.Header, _trustStore(), out var key) is { } headerDeny)
        {
            return TokenValidationResult.Denied(headerDeny);
        }

        if (jws.Signature.Length != Es256SignatureBytes || !key!.VerifyEs256(jws.SigningInput, jws.Signature))
        {
            return TokenValidationResult.Denied(DenyReason.BadSignature);
        }

        // Only a correctly signed payload is parsed at all.
        if (!ClaimsReader.TryRead(jws.Payload, key, _audiences, out var claims))
        {
            return TokenValidationResult.Denied(DenyReason.Malformed);
        }

        var deny = Judge(claims, key);
        return deny is { } reason ? TokenValidationResult.Denied(reason) : TokenValidationResult.Valid(new ValidatedToken(
            jws.Payload.ToArray(),
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

    private static Func<TrustStore> Fixed(TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        return () => trustStore;
    }

    /// <summary>The claim checks after the signature, in the documented order; null when all pass.</summary>
    private DenyReason? Judge(in PayloadClaims claims, TrustedKey key)
    {
        if (!claims.IssuerMatches)
        {
            return DenyReason.WrongIssuer;
        }

        if (!claims.AudienceMatches)
        {
            return DenyReason.WrongAudience;
        }

        if (_lifetime.IsExceeded(claims))
        {
            return DenyReason.LifetimeTooLong;
        }

        if (_window.Check(claims) is { } timeDeny)
        {
            return timeDeny;
        }

        return key.MayGrant(claims.Role) ? null : DenyReason.RoleForbidden;
    }
}
