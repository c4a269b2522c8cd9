namespace Kiosk.Tokens.Validation;

/// <summary>
/// The registered claims <see cref="ClaimsReader"/> found in a payload (RFC 7519 section 4.1 and the
/// contract's private claims). Times are NumericDate seconds (RFC 7519 section 2).
/// </summary>
internal struct PayloadClaims
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

    /// <summary>iss, aud, sub, jti, iat and exp are present, and exp is not before iat.</summary>
    public readonly bool IsComplete => HasIss && HasAud && Sub is not null && Jti is not null && HasIat && HasExp && Exp >= Iat;

    /// <summary>A pass (no cmd, or cmd = unlock) rather than another command.</summary>
    public readonly bool IsPass => Cmd is null or ValidatedToken.UnlockCommand;
}
