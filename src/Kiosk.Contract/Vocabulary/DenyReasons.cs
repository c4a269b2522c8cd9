namespace Kiosk.Contract.Vocabulary;

/// <summary>
/// The stable deny and error reasons (contract section 2): the <c>reason</c> of <c>door.denied</c> and
/// the <c>error</c> of a command reply. <see cref="Timeout"/> is an extension for replies only.
/// </summary>
public static class DenyReasons
{
    /// <summary>Not a JWS, bad JSON, a missing claim, or a bad command envelope.</summary>
    public const string Malformed = "malformed";

    /// <summary>The token is over 4096 bytes.</summary>
    public const string TooLarge = "too_large";

    /// <summary>An <c>alg</c> other than ES256 (or a <c>crit</c> header).</summary>
    public const string UnsupportedAlg = "unsupported_alg";

    /// <summary>The <c>kid</c> is not in the trust store.</summary>
    public const string UnknownKey = "unknown_key";

    /// <summary>The signature does not verify.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>The <c>iss</c> is not the issuer bound to the key.</summary>
    public const string WrongIssuer = "wrong_issuer";

    /// <summary>The <c>aud</c> does not name this kiosk (or an alias).</summary>
    public const string WrongAudience = "wrong_audience";

    /// <summary>Past <c>exp</c> (beyond the clock skew).</summary>
    public const string Expired = "expired";

    /// <summary>Before <c>nbf</c> or <c>iat</c> (beyond the clock skew).</summary>
    public const string NotYetValid = "not_yet_valid";

    /// <summary><c>exp - iat</c> longer than the configured lifetime.</summary>
    public const string LifetimeTooLong = "lifetime_too_long";

    /// <summary>The <c>jti</c> was already used at this kiosk.</summary>
    public const string Replayed = "replayed";

    /// <summary>The <c>sub</c> or <c>jti</c> was revoked.</summary>
    public const string Revoked = "revoked";

    /// <summary>The role may not do this (at this door, or this command).</summary>
    public const string RoleForbidden = "role_forbidden";

    /// <summary>No such door.</summary>
    public const string UnknownDoor = "unknown_door";

    /// <summary>The door is out of service.</summary>
    public const string OutOfService = "out_of_service";

    /// <summary>The cabin is at capacity.</summary>
    public const string Full = "full";

    /// <summary>Too many attempts by this holder.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>No such command.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>The command's arguments (token claims) are wrong, or its <c>cmd</c> claim names another command.</summary>
    public const string BadArguments = "bad_arguments";

    /// <summary>Extension (replies only): the command did not finish within the kiosk's execution timeout.</summary>
    public const string Timeout = "timeout";
}
