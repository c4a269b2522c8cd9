using System.Text;
using Kiosk.Edge.Messaging.Commands;
using Kiosk.Edge.TrustedTime;
using Kiosk.Tokens;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// A test issuer (fresh P-256 key) and the real <see cref="TokenValidator"/> trusting it, wired as
/// the command verifier. Replay is checked with an in-memory jti set standing in for the kiosk's
/// SQLite replay store.
/// </summary>
internal sealed class SignedTokens : IDisposable
{
    public const string Issuer = "https://issuer.test.kiosk-edge.invalid";
    public const string Kid = "test-issuer";

    private readonly HashSet<string> _seen = [];
    private readonly TrustStore _trust;

    public SignedTokens(string audience)
    {
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        _trust = TrustStore.Create([TrustedKey.FromPem(Kid, Issuer, publicPem, [KioskRole.Worker, KioskRole.Steward, KioskRole.Maintenance, KioskRole.Operator])]);
        IssuerKeyPem = privatePem;
        PublicKeyPem = publicPem;
        Audience = audience;
        Issue = new TokenIssuer(privatePem, Kid, TimeProvider.System);
        var clock = new TrustedClock(TimeProvider.System, null, TimeSpan.FromDays(7));
        var validator = new TrustedTokenValidator(
            new TokenValidator(_trust, new TokenValidationOptions { Audiences = [audience] }, clock),
            clock,
            new ClockAheadDetector(TimeProvider.System, TimeSpan.FromMinutes(6)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TrustedTokenValidator>.Instance);
        Verifier = new ValidatorTokenVerifier(validator, (token, _) =>
        {
            lock (_seen)
            {
                return ValueTask.FromResult(_seen.Add(token.Jti) ? null : "replayed");
            }
        });
    }

    public string IssuerKeyPem { get; }

    public string PublicKeyPem { get; }

    /// <summary>Writes a trust store file (the service's format) trusting this issuer; returns its path.</summary>
    public string WriteTrustStore(string directory)
    {
        var path = Path.Combine(directory, "trust-store.json");
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["keys"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["kid"] = Kid,
                ["issuer"] = Issuer,
                ["publicKeyPem"] = PublicKeyPem,
                ["roles"] = new System.Text.Json.Nodes.JsonArray("worker", "steward", "maintenance", "operator"),
            }),
        };
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public string Audience { get; }

    public TokenIssuer Issue { get; }

    public CommandTokenVerifier Verifier { get; }

    public string Command(string cmd, KioskRole role = KioskRole.Operator, TimeSpan? lifetime = null, string? audience = null, DateTimeOffset? notBefore = null) =>
        Issue.Issue(new TokenDescriptor
        {
            Issuer = Issuer,
            Audiences = [audience ?? Audience],
            Subject = "op-" + cmd,
            Role = role,
            Cmd = cmd,
            Lifetime = lifetime ?? TimeSpan.FromSeconds(60),
            NotBefore = notBefore,
            Extra = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = "signed" },
        });

    /// <summary>A token signed by another key under the trusted kid.</summary>
    public string Forged(string cmd)
    {
        var (otherKey, _) = KeyPairGenerator.CreateP256();
        using var forger = new TokenIssuer(otherKey, Kid, TimeProvider.System);
        return forger.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = [Audience], Subject = "mallory", Role = KioskRole.Operator, Cmd = cmd });
    }

    /// <summary>The same claims with <c>alg: none</c> and an empty signature segment.</summary>
    public string Unsigned(string cmd)
    {
        var signed = Command(cmd);
        var payload = signed.Split('.')[1];
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"kid\":\"" + Kid + "\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return header + "." + payload + ".";
    }

    /// <summary>Issued 10 minutes ago with a 60 s lifetime.</summary>
    public string Expired(string cmd)
    {
        var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        using var issuer = new TokenIssuer(IssuerKeyPem, Kid, past);
        return issuer.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = [Audience], Subject = "op-late", Role = KioskRole.Operator, Cmd = cmd, Lifetime = TimeSpan.FromSeconds(60) });
    }

    public void Dispose()
    {
        Issue.Dispose();
        _trust.Dispose();
    }
}
