using System.Text.Json;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// The one call that authorises a remote command: the same verification as a scanned pass
/// (signature, issuer, audience, lifetime, replay, revocation, rate limit). The command-name
/// check (<c>cmd</c> claim) is done by <see cref="CommandProcessor"/>.
/// </summary>
internal abstract class CommandTokenVerifier
{
    public abstract ValueTask<TokenVerdict> VerifyAsync(string token, CancellationToken cancellationToken);
}

/// <summary>A verified token (claims as a JSON object) or a contract deny reason.</summary>
internal sealed record TokenVerdict(string? DenyReason, string? Sub, string Role, JsonElement Claims, object? Token)
{
    public bool Ok => DenyReason is null;

    public static TokenVerdict Deny(string reason) => new(reason, null, "worker", default, null);
}
