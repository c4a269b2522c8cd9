namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>revoke</c>.</summary>
/// <param name="Subs">Holder ids in the request.</param>
/// <param name="Jtis">Token ids in the request.</param>
/// <param name="New">Entries not revoked before.</param>
public sealed record RevokeResult(
    int Subs,
    int Jtis,
    int New);
