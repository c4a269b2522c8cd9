namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>revoke</c>. The lists are the claims <c>subs</c> and <c>jtis</c> (the token's own <c>sub</c> and <c>jti</c> are the operator's id and the token's id); each may also be a single string. At least one entry, at most 1000.</summary>
/// <param name="Subs">Holder ids to refuse from now on.</param>
/// <param name="Jtis">Token ids to refuse from now on.</param>
public sealed record RevokeArguments(
    IReadOnlyList<string>? Subs = null,
    IReadOnlyList<string>? Jtis = null);
