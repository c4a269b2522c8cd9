using System.Diagnostics.CodeAnalysis;
using Kiosk.Tokens;

namespace Kiosk.Edge.Security;

/// <summary>
/// A verified, unused, unrevoked token within its holder's rate limit, or the reason it was refused.
/// <see cref="Sub"/> is set whenever the signature held (for <c>door.denied</c> events), else null.
/// </summary>
internal sealed record PassDecision(ValidatedToken? Token, DenyReason? Reason, string? Sub)
{
    [MemberNotNullWhen(true, nameof(Token))]
    public bool Granted => Token is not null;

    public static PassDecision Grant(ValidatedToken token) => new(token, null, token.Sub);

    public static PassDecision Deny(DenyReason reason, ValidatedToken? known = null) => new(null, reason, known?.Sub);
}
