namespace Kiosk.Tokens;

/// <summary>The contract's snake_case strings for <see cref="DenyReason"/>, both ways.</summary>
public static class DenyReasonExtensions
{
    public static string ToContractString(this DenyReason reason) => reason switch
    {
        DenyReason.Malformed => "malformed",
        DenyReason.TooLarge => "too_large",
        DenyReason.UnsupportedAlg => "unsupported_alg",
        DenyReason.UnknownKey => "unknown_key",
        DenyReason.BadSignature => "bad_signature",
        DenyReason.WrongIssuer => "wrong_issuer",
        DenyReason.WrongAudience => "wrong_audience",
        DenyReason.Expired => "expired",
        DenyReason.NotYetValid => "not_yet_valid",
        DenyReason.LifetimeTooLong => "lifetime_too_long",
        DenyReason.Replayed => "replayed",
        DenyReason.Revoked => "revoked",
        DenyReason.RoleForbidden => "role_forbidden",
        DenyReason.UnknownDoor => "unknown_door",
        DenyReason.OutOfService => "out_of_service",
        DenyReason.Full => "full",
        DenyReason.RateLimited => "rate_limited",
        DenyReason.UnknownCommand => "unknown_command",
        DenyReason.BadArguments => "bad_arguments",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a contract deny reason"),
    };

    /// <summary>Parses a contract string (exact, case-sensitive).</summary>
    public static bool TryParse(string? value, out DenyReason reason)
    {
        reason = value switch
        {
            "malformed" => DenyReason.Malformed,
            "too_large" => DenyReason.TooLarge,
            "unsupported_alg" => DenyReason.UnsupportedAlg,
            "unknown_key" => DenyReason.UnknownKey,
            "bad_signature" => DenyReason.BadSignature,
            "wrong_issuer" => DenyReason.WrongIssuer,
            "wrong_audience" => DenyReason.WrongAudience,
            "expired" => DenyReason.Expired,
            "not_yet_valid" => DenyReason.NotYetValid,
            "lifetime_too_long" => DenyReason.LifetimeTooLong,
            "replayed" => DenyReason.Replayed,
            "revoked" => DenyReason.Revoked,
            "role_forbidden" => DenyReason.RoleForbidden,
            "unknown_door" => DenyReason.UnknownDoor,
            "out_of_service" => DenyReason.OutOfService,
            "full" => DenyReason.Full,
            "rate_limited" => DenyReason.RateLimited,
            "unknown_command" => DenyReason.UnknownCommand,
            "bad_arguments" => DenyReason.BadArguments,
            _ => (DenyReason)(-1),
        };
        return reason >= 0;
    }
}
