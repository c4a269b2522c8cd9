using System.Diagnostics.CodeAnalysis;

namespace Kiosk.Tokens;

/// <summary>Either a <see cref="ValidatedToken"/> or the <see cref="DenyReason"/> that refused it.</summary>
public readonly struct TokenValidationResult
{
    private readonly DenyReason _reason;

    private TokenValidationResult(ValidatedToken? token, DenyReason reason)
    {
        Token = token;
        _reason = reason;
    }

    public ValidatedToken? Token { get; }

    [MemberNotNullWhen(true, nameof(Token))]
    public bool IsValid => Token is not null;

    /// <summary>Why the token was refused; null when it is valid.</summary>
    public DenyReason? Reason => Token is null ? _reason : null;

    public static TokenValidationResult Valid(ValidatedToken token) => new(token ?? throw new ArgumentNullException(nameof(token)), default);

    public static TokenValidationResult Denied(DenyReason reason) => new(null, reason);

    public override string ToString() => IsValid ? $"valid (sub {Token.Sub})" : _reason.ToContractString();
}
