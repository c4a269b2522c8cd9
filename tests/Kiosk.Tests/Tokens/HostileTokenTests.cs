using System.Security.Cryptography;
using System.Text;
using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

/// <summary>Tokens an attacker would try; none may pass, and each gets its documented reason.</summary>
public sealed class HostileTokenTests : IDisposable
{
    private readonly TokenTestKit _kit = new();

    [Fact]
    public void Validate_AlgNoneWithEmptySignature_Malformed()
    {
        // The classic "alg":"none" token has an empty third segment: refused before the alg is even read.
        var token = TokenTestKit.B64("""{"alg":"none","kid":"issuer-1"}""") + "." + TokenTestKit.B64(_kit.Payload()) + ".";
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token));
    }

    [Fact]
    public void Validate_AlgNoneWithSomeSignature_UnsupportedAlg()
    {
        var token = TokenTestKit.B64("""{"alg":"none","kid":"issuer-1"}""") + "." + TokenTestKit.B64(_kit.Payload()) + "." + TokenTestKit.B64("x");
        Assert.Equal(DenyReason.UnsupportedAlg, _kit.Deny(token));
    }

    [Fact]
    public void Validate_Hs256SignedWithThePublicKeyAsSecret_UnsupportedAlg()
    {
        var signingInput = TokenTestKit.B64("""{"alg":"HS256","typ":"JWT","kid":"issuer-1"}""") + "." + TokenTestKit.B64(_kit.Payload());
        var mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(_kit.PublicKeyPem), Encoding.ASCII.GetBytes(signingInput));
        Assert.Equal(DenyReason.UnsupportedAlg, _kit.Deny(signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(mac)));
    }

    [Fact]
    public void Validate_WrongKidWithValidSignature_UnknownKey()
    {
        using var issuer = new TokenIssuer(_kit.PrivateKeyPem, "issuer-2", _kit.Time);
        Assert.Equal(DenyReason.UnknownKey, _kit.Deny(issuer.Issue(TokenTestKit.Pass())));
    }

    [Fact]
    public void Validate_TamperedPayload_BadSignature()
    {
        var token = _kit.Issue(TokenTestKit.Pass("worker-1"));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var forged = parts[0] + "." + TokenTestKit.B64(payload.Replace("worker-1", "worker-2", StringComparison.Ordinal)) + "." + parts[2];
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(forged));
        var elevated = parts[0] + "." + TokenTestKit.B64(payload[..^1] + ",\"role\":\"operator\"}") + "." + parts[2];
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(elevated));
    }

    [Fact]
    public void Validate_TamperedHeader_BadSignature()
    {
        var token = _kit.Issue();
        var parts = token.Split('.');
        var forged = TokenTestKit.B64("""{"alg":"ES256","kid":"issuer-1"}""") + "." + parts[1] + "." + parts[2];
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(forged));
    }

    [Fact]
    public void Validate_EveryBitOfTheSignatureFlipped_NeverValid()
    {
        var token = _kit.Issue();
        var dot = token.LastIndexOf('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var copy = (byte[])signature.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            var forged = token[..(dot + 1)] + System.Buffers.Text.Base64Url.EncodeToString(copy);
            Assert.Equal(DenyReason.BadSignature, _kit.Deny(forged));
        }
    }

    [Fact]
    public void Validate_HighSMalleatedSignature_TreatedByEcdsaRules()
    {
        // (r, n - s) is also a valid ECDSA signature; the jti, not the signature bytes, makes a pass single-use.
        var token = _kit.Issue();
        var dot = token.LastIndexOf('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var flipped = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var copy = (byte[])signature.Clone();
        Array.Clear(copy, 32, 32);
        flipped.CopyTo(copy, 64 - flipped.Length);
        var result = _kit.Validator.Validate(token[..(dot + 1)] + System.Buffers.Text.Base64Url.EncodeToString(copy));
        Assert.True(result.IsValid);
        Assert.Equal(_kit.Validator.Validate(token).Token!.Jti, result.Token.Jti);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void Validate_DegenerateSignature_BadSignature(int fill)
    {
        var token = _kit.Issue();
        var signature = new byte[64];
        Array.Fill(signature, (byte)fill);
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(token[..(token.LastIndexOf('.') + 1)] + System.Buffers.Text.Base64Url.EncodeToString(signature)));
    }

    [Fact]
    public void Validate_Truncated_NeverValid()
    {
        var token = _kit.Issue();
        for (var length = 0; length < token.Length; length++)
        {
            var reason = _kit.Deny(token[..length]);
            Assert.True(reason is DenyReason.Malformed or DenyReason.BadSignature, $"length {length}: {reason}");
        }
    }

    [Fact]
    public void Validate_Oversized_TooLarge()
    {
        Assert.Equal(DenyReason.TooLarge, _kit.Deny(new string('A', 4097)));
        Assert.Equal(DenyReason.TooLarge, _kit.Deny(new string('.', 1_000_000)));
    }

    [Theory]
    [InlineData("eyJ!bGciOiJFUzI1NiJ9.e30.AAAA")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9=.e30.AAAA")]
    [InlineData("eyJhbGci OiJFUzI1NiJ9.e30.AAAA")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30+.AAAA")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30/.AAAA")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e31.AAAA")] // non-canonical: unused trailing bits set
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e.AAAA")] // a length that no base64 text has
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.AA\u00e9A")]
    public void Validate_NotBase64Url_Malformed(string token)
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token));
    }

    [Fact]
    public void Validate_DuplicateClaims_Malformed()
    {
        var payload = _kit.Payload(",\"sub\":\"operator-1\"");
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(payload)));
        var escaped = _kit.Payload(",\"\\u0073ub\":\"operator-1\"");
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(escaped)));
        var role = _kit.Payload(",\"role\":\"worker\",\"role\":\"operator\"");
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(role)));
        var extra = _kit.Payload(",\"circuit\":\"a\",\"circuit\":\"b\"");
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(extra)));
        var nested = _kit.Payload(",\"args\":{\"x\":1,\"y\":{\"z\":1,\"z\":2}}");
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(nested)));
    }

    [Fact]
    public void Validate_SameNameInSiblingObjects_IsNotADuplicate()
    {
        var payload = _kit.Payload(",\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":[{\"x\":1},{\"x\":1}]");
        Assert.True(_kit.Validator.Validate(_kit.SignPayload(payload)).IsValid);
    }

    [Fact]
    public void Validate_DuplicateHeaderParameter_Malformed()
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignRaw("""{"alg":"none","alg":"ES256","kid":"issuer-1"}""", _kit.Payload())));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignRaw("""{"alg":"ES256","kid":"issuer-1","x":1,"x":1}""", _kit.Payload())));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("18446744073709551616")]
    [InlineData("1800000000.0")]
    [InlineData("-0")]
    public void Validate_HugeOrOddNumbers_Malformed(string exp)
    {
        var json = $$"""{"iss":"{{TokenTestKit.Issuer}}","aud":"{{TokenTestKit.KioskId}}","sub":"s","jti":"j","iat":{{_kit.Now}},"exp":{{exp}}}""";
        var reason = _kit.Deny(_kit.SignPayload(json));
        Assert.True(reason is DenyReason.Malformed or DenyReason.Expired, $"{exp}: {reason}");
    }

    [Fact]
    public void Validate_HugeNumberInAnExtraClaim_IsCarriedNotInterpreted()
    {
        var t = _kit.Validator.Validate(_kit.SignPayload(_kit.Payload(",\"volume\":1e400"))).Token!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, t.Claims.GetProperty("volume").ValueKind);
        Assert.False(t.Claims.GetProperty("volume").TryGetInt32(out _));
    }

    [Fact]
    public void Validate_DeeplyNestedJson_Malformed()
    {
        var deep = new string('[', 200) + new string(']', 200);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(_kit.Payload(",\"x\":" + deep))));
        var deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(_kit.Payload(",\"x\":" + deepObjects))));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignRaw("{\"alg\":\"ES256\",\"kid\":\"issuer-1\",\"x\":" + deepObjects + "}", _kit.Payload())));
    }

    [Fact]
    public void Validate_ModeratelyNestedJson_IsAccepted()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 10)) + "1" + new string('}', 10);
        Assert.True(_kit.Validator.Validate(_kit.SignPayload(_kit.Payload(",\"x\":" + nested))).IsValid);
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("{\"sub\":\"x\"")]
    [InlineData("{/*c*/\"sub\":\"x\"}")]
    public void Validate_PayloadNotAClaimsObject_Malformed(string payload)
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(payload)));
    }

    [Fact]
    public void Validate_InvalidUtf8InPayload_Malformed()
    {
        var payload = Encoding.UTF8.GetBytes(_kit.Payload(",\"x\":\"__\""));
        var at = Array.LastIndexOf(payload, (byte)'_');
        payload[at] = 0xFF;
        var token = _kit.IssuerKey.SignRaw(Encoding.UTF8.GetBytes(TokenTestKit.Header), payload);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token));
    }

    [Fact]
    public void Validate_LoneSurrogateEscapeInClaim_Malformed()
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(_kit.Payload(",\"\\ud800\":1,\"\\ud801\":1"))));
        var sub = _kit.SignPayload(_kit.Payload().Replace("\"worker-0042\"", "\"w\\ud800\"", StringComparison.Ordinal));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(sub));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData(".e30.AAAA")]
    [InlineData("e30..AAAA")]
    [InlineData("e30.e30.")]
    [InlineData("e30.e30")]
    [InlineData("e30")]
    [InlineData("e30.e30.AAAA.AAAA")]
    [InlineData("e30.e30.AAAA.")]
    public void Validate_EmptyOrWrongNumberOfSegments_Malformed(string token)
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token));
    }

    [Fact]
    public void Validate_ValidTokenWithExtraSegment_Malformed()
    {
        var token = _kit.Issue();
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token + ".AAAA"));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token + "."));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(" " + token));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(token + "\n"));
    }

    [Fact]
    public void Validate_JsonWebKeyEmbeddedInHeader_IsIgnored()
    {
        // An attacker's own key in the header must never be used: only the trust store's key counts.
        using var attacker = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, TokenTestKit.Kid, _kit.Time);
        var header = """{"alg":"ES256","kid":"issuer-1","jwk":{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"},"jku":"https://evil.example/keys"}""";
        var token = attacker.SignRaw(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(_kit.Payload()));
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(token));
    }

    public void Dispose() => _kit.Dispose();
}
