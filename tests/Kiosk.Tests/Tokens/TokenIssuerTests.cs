using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Tokens;

public sealed class TokenIssuerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Issue_Command_WritesHeaderAndEveryClaim()
    {
        var (privatePem, _) = KeyPairGenerator.CreateP256();
        using var issuer = new TokenIssuer(privatePem, "k1", _time);

        var token = issuer.Issue(new TokenDescriptor
        {
            Issuer = "https://i",
            Audiences = ["tyyz-0007", "site"],
            Subject = "op-1",
            Lifetime = TimeSpan.FromSeconds(60),
            Role = KioskRole.Operator,
            Door = "rest",
            Cmd = "power",
            Jti = "j1",
            Extra = new Dictionary<string, JsonNode?> { ["circuit"] = "outlet", ["action"] = "off" },
        });

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Decode(parts[0]))!;
        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal("k1", header["kid"]!.GetValue<string>());
        var claims = JsonNode.Parse(Decode(parts[1]))!;
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), claims["iat"]!.GetValue<long>());
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds() + 60, claims["exp"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Array, claims["aud"]!.GetValueKind());
        Assert.Equal("operator", claims["role"]!.GetValue<string>());
        Assert.Equal("off", claims["action"]!.GetValue<string>());
        Assert.Equal(64, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]).Length);
    }

    [Fact]
    public void Issue_WithoutJti_RandomJtiEachTime()
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var descriptor = new TokenDescriptor { Issuer = "https://i", Audiences = ["a"], Subject = "w" };
        var a = JsonNode.Parse(Decode(issuer.Issue(descriptor).Split('.')[1]))!["jti"]!.GetValue<string>();
        var b = JsonNode.Parse(Decode(issuer.Issue(descriptor).Split('.')[1]))!["jti"]!.GetValue<string>();
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 16);
    }

    [Fact]
    public void Issue_ExtraClaimNamedLikeARegisteredOne_Throws()
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var descriptor = new TokenDescriptor { Issuer = "https://i", Audiences = ["a"], Subject = "w", Extra = new Dictionary<string, JsonNode?> { ["role"] = "operator" } };
        Assert.Throws<ArgumentException>(() => issuer.Issue(descriptor));
    }

    [Fact]
    public void Constructor_PublicKeyOrGarbage_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TokenIssuer(KeyPairGenerator.CreateP256().PublicKeyPem, "k1", _time));
        Assert.Throws<ArgumentException>(() => new TokenIssuer("garbage", "k1", _time));
        Assert.Throws<ArgumentException>(() => new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "", _time));
    }

    [Fact]
    public void CreateP256_Pems_ArePkcs8AndSubjectPublicKeyInfo()
    {
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicPem, StringComparison.Ordinal);
        using var key = TrustedKey.FromPem("k", "https://i", publicPem, [KioskRole.Worker]);
        Assert.Equal("k", key.Kid);
    }

    [Fact]
    public void Issue_HeaderIsEs256JwtWithKid()
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var token = issuer.Issue(new TokenDescriptor { Issuer = "https://i", Audiences = ["a"], Subject = "w" });
        Assert.Equal("""{"alg":"ES256","typ":"JWT","kid":"k1"}""", Decode(token.Split('.')[0]));
    }

    [Fact]
    public void Issue_PassWithOptionalClaims_WritesThemInOrder()
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var token = issuer.Issue(new TokenDescriptor
        {
            Issuer = "https://i",
            Audiences = ["a"],
            Subject = "w",
            Lifetime = TimeSpan.FromSeconds(1.2),
            NotBefore = _time.GetUtcNow().AddSeconds(5),
            Jti = "j",
            Role = KioskRole.Steward,
            Door = "rest",
            Act = "checkin",
            Extra = new Dictionary<string, JsonNode?> { ["note"] = null },
        });
        Assert.Equal(
            $$"""{"iss":"https://i","aud":"a","sub":"w","iat":{{now}},"exp":{{now + 2}},"nbf":{{now + 5}},"jti":"j","role":"steward","door":"rest","act":"checkin","note":null}""",
            Decode(token.Split('.')[1]));
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    [InlineData("iat")]
    [InlineData("exp")]
    [InlineData("nbf")]
    [InlineData("jti")]
    [InlineData("role")]
    [InlineData("door")]
    [InlineData("act")]
    [InlineData("cmd")]
    public void Issue_ExtraClaimNamedLikeARegisteredOne_ThrowsNamingIt(string name)
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var descriptor = new TokenDescriptor { Issuer = "https://i", Audiences = ["a"], Subject = "w", Extra = new Dictionary<string, JsonNode?> { [name] = "x" } };
        var e = Assert.Throws<ArgumentException>(() => issuer.Issue(descriptor));
        Assert.StartsWith($"extra claim '{name}' would overwrite a registered claim", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_NoAudienceOrNoLifetime_Throws()
    {
        using var issuer = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", _time);
        var descriptor = new TokenDescriptor { Issuer = "https://i", Audiences = ["a"], Subject = "w" };
        Assert.Throws<ArgumentNullException>(() => issuer.Issue(null!));
        Assert.StartsWith("at least one audience is required", Assert.Throws<ArgumentException>(() => issuer.Issue(descriptor with { Audiences = [] })).Message, StringComparison.Ordinal);
        Assert.StartsWith("the lifetime must be positive", Assert.Throws<ArgumentException>(() => issuer.Issue(descriptor with { Lifetime = TimeSpan.Zero })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => issuer.Issue(descriptor with { Lifetime = TimeSpan.FromSeconds(-1) }));
        Assert.NotEmpty(issuer.Issue(descriptor with { Lifetime = TimeSpan.FromTicks(1) }));
    }

    [Fact]
    public void Constructor_NullTimeProvider_ArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, "k1", null!));
    }

    [Theory]
    [InlineData("brainpoolP256r1")]
    [InlineData("nistP384")]
    public void Constructor_PrivateKeyOnAnotherCurve_Throws(string curve)
    {
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.CreateFromFriendlyName(curve));
        var e = Assert.Throws<ArgumentException>(() => new TokenIssuer(other.ExportPkcs8PrivateKeyPem(), "k1", _time));
        Assert.StartsWith("not an EC P-256 private key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PrivateKeyBlockWithGarbage_ThrowsWithTheCause()
    {
        var e = Assert.Throws<ArgumentException>(() => new TokenIssuer("-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n", "k1", _time));
        Assert.StartsWith("not an EC P-256 private key (", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Security.Cryptography.CryptographicException>(e.InnerException);
    }

    private static string Decode(string segment) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment));
}
