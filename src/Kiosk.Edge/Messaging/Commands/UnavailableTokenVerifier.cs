namespace Kiosk.Edge.Messaging.Commands;

/// <summary>Fails closed while no token verifier is registered: every remote command is denied <c>unknown_key</c>.</summary>
internal sealed class UnavailableTokenVerifier : CommandTokenVerifier
{
    public override ValueTask<TokenVerdict> VerifyAsync(string token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TokenVerdict.Deny("unknown_key"));
}
