using System.Buffers.Text;
using System.Text;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Tokens;

/// <summary>A trust store with one issuer key, its private half, and a validator on a fake clock.</summary>
internal sealed class TokenTestKit : IDisposable
{
    public const string Kid = "issuer-1";
    public const string Issuer = "https://issuer.example";
    public const string KioskId = "tyyz-0007";
    public const string Alias = "site-tyyz";

    public TokenTestKit(params KioskRole[] roles)
    {
        (PrivateKeyPem, PublicKeyPem) = KeyPairGenerator.CreateP256();
        Store = TrustStore.Create([TrustedKey.FromPem(Kid, Issuer, PublicKeyPem, roles.Length == 0 ? Enum.GetValues<KioskRole>() : roles)]);
        IssuerKey = new TokenIssuer(PrivateKeyPem, Kid, Time);
        Validator = new TokenValidator(Store, Options, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    public string PrivateKeyPem { get; }

    public string PublicKeyPem { get; }

    public TrustStore Store { get; }

    public TokenIssuer IssuerKey { get; }

    public TokenValidationOptions Options { get; } = new() { Audiences = [KioskId, Alias] };

    public TokenValidator Validator { get; }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public static TokenDescriptor Pass(string sub = "worker-0042") => new()
    {
        Issuer = Issuer,
        Audiences = [KioskId],
        Subject = sub,
        Lifetime = TimeSpan.FromSeconds(120),
    };

    public string Issue(TokenDescriptor? descriptor = null) => IssuerKey.Issue(descriptor ?? Pass());

    /// <summary>A correctly signed token with exactly this header and payload text.</summary>
    public string SignRaw(string headerJson, string payloadJson) =>
        IssuerKey.SignRaw(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson));

    public string SignPayload(string payloadJson) => SignRaw(Header, payloadJson);

    public static string Header => $$"""{"alg":"ES256","typ":"JWT","kid":"{{Kid}}"}""";

    /// <summary>A valid payload as JSON text, with <paramref name="extra"/> spliced in (a trailing ",..." fragment).</summary>
    public string Payload(string extra = "", long? iat = null, long? exp = null) =>
        $$"""{"iss":"{{Issuer}}","aud":"{{KioskId}}","sub":"worker-0042","iat":{{iat ?? Now}},"exp":{{exp ?? Now + 120}},"jti":"j-{{Guid.NewGuid():N}}"{{extra}}}""";

    public DenyReason? Deny(string token) => Validator.Validate(token).Reason;

    public static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        IssuerKey.Dispose();
        Store.Dispose();
    }
}
