using System.Text.Json;
using Kiosk.Edge.Messaging.Commands;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// Until the real verifier is wired: a "token" is <c>fake:</c> + a JSON claims object; a <c>deny</c>
/// claim forces that reason, and a jti is accepted once. Tests of the real checks use signed tokens.
/// </summary>
internal sealed class FakeTokenVerifier : CommandTokenVerifier
{
    private readonly HashSet<string> _seen = [];

    public static string Token(object claims) => "fake:" + JsonSerializer.Serialize(claims);

    public override ValueTask<TokenVerdict> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith("fake:", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(TokenVerdict.Deny("malformed"));
        }

        var claims = JsonDocument.Parse(token[5..]).RootElement.Clone();
        if (claims.TryGetProperty("deny", out var deny))
        {
            return ValueTask.FromResult(TokenVerdict.Deny(deny.GetString()!));
        }

        var jti = claims.TryGetProperty("jti", out var j) ? j.GetString()! : Guid.NewGuid().ToString();
        lock (_seen)
        {
            if (!_seen.Add(jti))
            {
                return ValueTask.FromResult(TokenVerdict.Deny("replayed"));
            }
        }

        var role = claims.TryGetProperty("role", out var r) ? r.GetString()! : "worker";
        var sub = claims.TryGetProperty("sub", out var s) ? s.GetString() : null;
        return ValueTask.FromResult(new TokenVerdict(null, sub, role, claims, token));
    }
}
