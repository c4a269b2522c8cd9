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

    private static string Decode(string segment) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment));
}
