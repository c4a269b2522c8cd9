namespace Kiosk.Tokens;

/// <summary>
/// Why a token, scan or command was refused. Each value maps to one stable contract string
/// (<see cref="DenyReasonExtensions.ToContractString"/>); the order follows the contract's list.
/// </summary>
public enum DenyReason
{
    Malformed,
    TooLarge,
    UnsupportedAlg,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    NotYetValid,
    LifetimeTooLong,
    Replayed,
    Revoked,
    RoleForbidden,
    UnknownDoor,
    OutOfService,
    Full,
    RateLimited,
    UnknownCommand,
    BadArguments,
}
