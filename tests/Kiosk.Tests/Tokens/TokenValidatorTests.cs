using System.Text.Json.Nodes;
using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class TokenValidatorTests : IDisposable
{
    private readonly TokenTestKit _kit = new();

    [Fact]
    public void Validate_ValidPass_ReturnsItsClaims()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { });
        var result = _kit.Validator.Validate(token);

        Assert.True(result.IsValid, result.ToString());
        Assert.Null(result.Reason);
        var t = result.Token;
        Assert.Equal(TokenTestKit.Kid, t.Kid);
        Assert.Equal(TokenTestKit.Issuer, t.Iss);
        Assert.Equal("worker-0042", t.Sub);
        Assert.False(string.IsNullOrEmpty(t.Jti));
        Assert.Equal(KioskRole.Worker, t.Role);
        Assert.Null(t.Door);
        Assert.Null(t.Act);
        Assert.Null(t.Cmd);
        Assert.True(t.IsPass);
        Assert.Equal(_kit.Time.GetUtcNow(), t.Iat);
        Assert.Equal(_kit.Time.GetUtcNow().AddSeconds(120), t.Exp);
        Assert.Null(t.Nbf);
    }

    [Fact]
    public void Validate_StewardCheckinForDoor_ReturnsRoleDoorAndAct()
    {
        var token = _kit.Issue(new TokenDescriptor
        {
            Issuer = TokenTestKit.Issuer,
            Audiences = [TokenTestKit.KioskId],
            Subject = "steward-7",
            Role = KioskRole.Steward,
            Door = "rest",
            Act = "checkin",
            Jti = "jti-1",
            NotBefore = _kit.Time.GetUtcNow(),
        });

        var t = _kit.Validator.Validate(token).Token!;

        Assert.Equal(KioskRole.Steward, t.Role);
        Assert.Equal("rest", t.Door);
        Assert.Equal(ValidatedToken.CheckIn, t.Act);
        Assert.Equal("jti-1", t.Jti);
        Assert.Equal(_kit.Time.GetUtcNow(), t.Nbf);
    }

    [Fact]
    public void Validate_AudienceArrayWithAliasOnly_IsValid()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Audiences = ["other-0001", TokenTestKit.Alias] });
        Assert.True(_kit.Validator.Validate(token).IsValid);
    }

    [Fact]
    public void Validate_CommandToken_ExposesArgumentsAsClaims()
    {
        var token = _kit.Issue(TokenTestKit.Pass("operator-1") with
        {
            Role = KioskRole.Operator,
            Cmd = "power",
            Extra = new Dictionary<string, JsonNode?> { ["circuit"] = "outlet", ["action"] = "reset", ["subs"] = new JsonArray("a", "b") },
        });

        var t = _kit.Validator.Validate(token).Token!;

        Assert.Equal("power", t.Cmd);
        Assert.False(t.IsPass);
        Assert.Equal("outlet", t.Claims.GetProperty("circuit").GetString());
        Assert.Equal("reset", t.Claims.GetProperty("action").GetString());
        Assert.Equal(2, t.Claims.GetProperty("subs").GetArrayLength());
        Assert.Equal("operator-1", t.Claims.GetProperty("sub").GetString());
    }

    [Fact]
    public void Validate_UnlockCommand_IsAPassWithPassLifetime()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Cmd = "unlock", Lifetime = TimeSpan.FromSeconds(300) });
        var t = _kit.Validator.Validate(token).Token!;
        Assert.True(t.IsPass);
        Assert.Same(ValidatedToken.UnlockCommand, t.Cmd);
    }

    [Fact]
    public void Validate_EmptyOrNull_Malformed()
    {
        Assert.Equal(DenyReason.Malformed, _kit.Validator.Validate((string?)null).Reason);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(""));
    }

    [Fact]
    public void Validate_LongerThanMaxBytes_TooLarge()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Extra = new Dictionary<string, JsonNode?> { ["pad"] = new string('x', 4000) } });
        Assert.True(token.Length > 4096);
        Assert.Equal(DenyReason.TooLarge, _kit.Deny(token));
    }

    [Fact]
    public void Validate_NonAsciiWithinCharLimitButOverByteLimit_TooLarge()
    {
        Assert.Equal(DenyReason.TooLarge, _kit.Deny(new string('é', 3000)));
        Assert.Equal(DenyReason.Malformed, _kit.Deny("é.é.é"));
    }

    [Fact]
    public void Validate_ExactlyMaxBytes_IsNotTooLarge()
    {
        var token = _kit.Issue();
        var options = new TokenValidationOptions { Audiences = [TokenTestKit.KioskId], MaxTokenBytes = token.Length };
        var validator = new TokenValidator(_kit.Store, options, _kit.Time);
        Assert.True(validator.Validate(token).IsValid);
        var smaller = new TokenValidator(_kit.Store, new TokenValidationOptions { Audiences = [TokenTestKit.KioskId], MaxTokenBytes = token.Length - 1 }, _kit.Time);
        Assert.Equal(DenyReason.TooLarge, smaller.Validate(token).Reason);
    }

    [Theory]
    [InlineData("""{"alg":"none","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"HS256","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"EdDSA","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"RS256","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"es256","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES384","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"","kid":"issuer-1"}""")]
    public void Validate_AlgOtherThanEs256_UnsupportedAlg(string header)
    {
        Assert.Equal(DenyReason.UnsupportedAlg, _kit.Deny(_kit.SignRaw(header, _kit.Payload())));
    }

    [Theory]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","crit":["exp"]}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","crit":[]}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","b64":false,"crit":["b64"]}""")]
    public void Validate_CritHeader_UnsupportedAlg(string header)
    {
        Assert.Equal(DenyReason.UnsupportedAlg, _kit.Deny(_kit.SignRaw(header, _kit.Payload())));
    }

    [Fact]
    public void Validate_UnknownKid_UnknownKey()
    {
        Assert.Equal(DenyReason.UnknownKey, _kit.Deny(_kit.SignRaw("""{"alg":"ES256","kid":"other"}""", _kit.Payload())));
        Assert.Equal(DenyReason.UnknownKey, _kit.Deny(_kit.SignRaw("""{"alg":"ES256","kid":""}""", _kit.Payload())));
        Assert.Equal(DenyReason.UnknownKey, _kit.Deny(_kit.SignRaw("""{"alg":"ES256","kid":"ISSUER-1"}""", _kit.Payload())));
    }

    [Theory]
    [InlineData("""{"alg":"ES256"}""")]
    [InlineData("""{"alg":"ES256","kid":7}""")]
    [InlineData("""{"alg":"ES256","kid":null}""")]
    [InlineData("""{"kid":"issuer-1"}""")]
    [InlineData("""{"alg":["ES256"],"kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","typ":1}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","alg":"ES256"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","kid":"other"}""")]
    [InlineData("""["ES256"]""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1"} x""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1",}""")]
    public void Validate_BadHeader_Malformed(string header)
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignRaw(header, _kit.Payload())));
    }

    [Fact]
    public void Validate_KeyOfAnotherIssuerUnderOurKid_BadSignature()
    {
        using var attacker = new TokenIssuer(KeyPairGenerator.CreateP256().PrivateKeyPem, TokenTestKit.Kid, _kit.Time);
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(attacker.Issue(TokenTestKit.Pass())));
    }

    [Fact]
    public void Validate_SignatureNot64Bytes_BadSignature()
    {
        var token = _kit.Issue();
        var head = token[..token.LastIndexOf('.')];
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(head + "." + TokenTestKit.B64(new string('a', 63))));
        Assert.Equal(DenyReason.BadSignature, _kit.Deny(head + "." + TokenTestKit.B64(new string('a', 65))));
    }

    [Fact]
    public void Validate_OtherIssuerForKid_WrongIssuer()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { Issuer = "https://evil.example" });
        Assert.Equal(DenyReason.WrongIssuer, _kit.Deny(token));
    }

    [Fact]
    public void Validate_OtherKiosk_WrongAudience()
    {
        Assert.Equal(DenyReason.WrongAudience, _kit.Deny(_kit.Issue(TokenTestKit.Pass() with { Audiences = ["tyyz-0008"] })));
        Assert.Equal(DenyReason.WrongAudience, _kit.Deny(_kit.SignPayload(_kit.Payload().Replace("\"aud\":\"tyyz-0007\"", "\"aud\":[]", StringComparison.Ordinal))));
    }

    [Fact]
    public void Validate_PassLongerThanMaxPassLifetime_LifetimeTooLong()
    {
        Assert.True(_kit.Validator.Validate(_kit.Issue(TokenTestKit.Pass() with { Lifetime = TimeSpan.FromSeconds(300) })).IsValid);
        Assert.Equal(DenyReason.LifetimeTooLong, _kit.Deny(_kit.Issue(TokenTestKit.Pass() with { Lifetime = TimeSpan.FromSeconds(301) })));
    }

    [Fact]
    public void Validate_CommandLongerThanMaxCommandLifetime_LifetimeTooLong()
    {
        var command = TokenTestKit.Pass("op") with { Role = KioskRole.Operator, Cmd = "lock" };
        Assert.True(_kit.Validator.Validate(_kit.Issue(command with { Lifetime = TimeSpan.FromSeconds(120) })).IsValid);
        Assert.Equal(DenyReason.LifetimeTooLong, _kit.Deny(_kit.Issue(command with { Lifetime = TimeSpan.FromSeconds(121) })));
    }

    [Fact]
    public void Validate_AfterExpPlusSkew_Expired()
    {
        var token = _kit.Issue();
        _kit.Time.Advance(TimeSpan.FromSeconds(120 + 30) - TimeSpan.FromMilliseconds(1));
        Assert.True(_kit.Validator.Validate(token).IsValid);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(DenyReason.Expired, _kit.Deny(token));
    }

    [Fact]
    public void Validate_NbfBeyondSkew_NotYetValid()
    {
        var token = _kit.Issue(TokenTestKit.Pass() with { NotBefore = _kit.Time.GetUtcNow().AddSeconds(31) });
        Assert.Equal(DenyReason.NotYetValid, _kit.Deny(token));
        _kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_kit.Validator.Validate(token).IsValid);
    }

    [Fact]
    public void Validate_IatInTheFutureBeyondSkew_NotYetValid()
    {
        Assert.Equal(DenyReason.NotYetValid, _kit.Deny(_kit.SignPayload(_kit.Payload(iat: _kit.Now + 31, exp: _kit.Now + 100))));
        Assert.True(_kit.Validator.Validate(_kit.SignPayload(_kit.Payload(iat: _kit.Now + 30, exp: _kit.Now + 100))).IsValid);
    }

    [Fact]
    public void Validate_RoleTheKeyMayNotGrant_RoleForbidden()
    {
        using var kit = new TokenTestKit(KioskRole.Worker, KioskRole.Steward);
        Assert.True(kit.Validator.Validate(kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Steward })).IsValid);
        Assert.Equal(DenyReason.RoleForbidden, kit.Deny(kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Operator })));
        Assert.Equal(DenyReason.RoleForbidden, kit.Deny(kit.Issue(TokenTestKit.Pass() with { Role = KioskRole.Maintenance })));
    }

    [Fact]
    public void Validate_NoRoleAndKeyWithoutWorker_RoleForbidden()
    {
        using var kit = new TokenTestKit(KioskRole.Operator);
        Assert.Equal(DenyReason.RoleForbidden, kit.Deny(kit.Issue()));
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    [InlineData("iat")]
    [InlineData("exp")]
    [InlineData("jti")]
    public void Validate_RequiredClaimMissing_Malformed(string claim)
    {
        var payload = JsonNode.Parse(_kit.Payload())!.AsObject();
        payload.Remove(claim);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(payload.ToJsonString())));
    }

    [Theory]
    [InlineData(",\"iss\":1")]
    [InlineData(",\"aud\":1")]
    [InlineData(",\"aud\":[1]")]
    [InlineData(",\"aud\":{\"a\":\"tyyz-0007\"}")]
    [InlineData(",\"aud\":null")]
    [InlineData(",\"sub\":\"\"")]
    [InlineData(",\"sub\":42")]
    [InlineData(",\"sub\":\"a\\nb\"")]
    [InlineData(",\"jti\":[\"x\"]")]
    [InlineData(",\"role\":\"admin\"")]
    [InlineData(",\"role\":\"Worker\"")]
    [InlineData(",\"role\":null")]
    [InlineData(",\"act\":\"enter\"")]
    [InlineData(",\"act\":true")]
    [InlineData(",\"door\":\"\"")]
    [InlineData(",\"door\":3")]
    [InlineData(",\"cmd\":\"\"")]
    [InlineData(",\"cmd\":{}")]
    [InlineData(",\"nbf\":\"soon\"")]
    public void Validate_ClaimOfWrongTypeOrValue_Malformed(string claim)
    {
        // Registered claims listed twice would be duplicates; these replace the original via a fresh payload.
        var payload = JsonNode.Parse(_kit.Payload())!.AsObject();
        var replacement = JsonNode.Parse("{" + claim[1..] + "}")!.AsObject();
        foreach (var (name, _) in replacement.ToArray())
        {
            payload.Remove(name);
        }

        var json = payload.ToJsonString()[..^1] + claim + "}";
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(json)));
    }

    [Fact]
    public void Validate_SubOrJtiOver128Chars_Malformed()
    {
        Assert.True(_kit.Validator.Validate(_kit.Issue(TokenTestKit.Pass(new string('s', 128)))).IsValid);
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.Issue(TokenTestKit.Pass(new string('s', 129)))));
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.Issue(TokenTestKit.Pass() with { Jti = new string('j', 129) })));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e9")]
    [InlineData("1E9")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    [InlineData("253402300800")]
    [InlineData("\"1800000000\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Validate_BadNumericDate_Malformed(string exp)
    {
        var json = $$"""{"iss":"{{TokenTestKit.Issuer}}","aud":"{{TokenTestKit.KioskId}}","sub":"s","jti":"j","iat":{{_kit.Now}},"exp":{{exp}}}""";
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(json)));
    }

    [Fact]
    public void Validate_ExpBeforeIat_Malformed()
    {
        Assert.Equal(DenyReason.Malformed, _kit.Deny(_kit.SignPayload(_kit.Payload(iat: _kit.Now, exp: _kit.Now - 1))));
    }

    [Fact]
    public void Validate_ChecksInDocumentedOrder_FirstFailingCheckWins()
    {
        // Wrong issuer, wrong audience, too long, expired and a forbidden role at once: the issuer is reported.
        using var kit = new TokenTestKit(KioskRole.Worker);
        var everything = kit.SignPayload($$"""{"iss":"x","aud":"y","sub":"s","jti":"j","iat":1000,"exp":100000,"role":"operator"}""");
        Assert.Equal(DenyReason.WrongIssuer, kit.Deny(everything));
        var noIssuer = kit.SignPayload($$"""{"iss":"{{TokenTestKit.Issuer}}","aud":"y","sub":"s","jti":"j","iat":1000,"exp":100000,"role":"operator"}""");
        Assert.Equal(DenyReason.WrongAudience, kit.Deny(noIssuer));
        var lifetime = kit.SignPayload($$"""{"iss":"{{TokenTestKit.Issuer}}","aud":"{{TokenTestKit.KioskId}}","sub":"s","jti":"j","iat":1000,"exp":100000,"role":"operator"}""");
        Assert.Equal(DenyReason.LifetimeTooLong, kit.Deny(lifetime));
        var expired = kit.SignPayload($$"""{"iss":"{{TokenTestKit.Issuer}}","aud":"{{TokenTestKit.KioskId}}","sub":"s","jti":"j","iat":1000,"exp":1100,"role":"operator"}""");
        Assert.Equal(DenyReason.Expired, kit.Deny(expired));
        // An unsupported alg is reported before an unknown kid; both before the signature.
        Assert.Equal(DenyReason.UnsupportedAlg, kit.Deny(kit.SignRaw("""{"alg":"none","kid":"nobody"}""", "garbage")));
        Assert.Equal(DenyReason.UnknownKey, kit.Deny(kit.SignRaw("""{"alg":"ES256","kid":"nobody"}""", "garbage")));
        // A malformed payload is only noticed after the signature holds.
        Assert.Equal(DenyReason.Malformed, kit.Deny(kit.SignPayload("garbage")));
    }

    [Fact]
    public void Validate_ConcurrentCallers_AllValid()
    {
        var tokens = Enumerable.Range(0, 64).Select(i => _kit.Issue(TokenTestKit.Pass($"w-{i}"))).ToArray();
        var results = new TokenValidationResult[tokens.Length];
        Parallel.For(0, tokens.Length, i => results[i] = _kit.Validator.Validate(tokens[i]));
        Assert.All(results, r => Assert.True(r.IsValid));
    }

    public void Dispose() => _kit.Dispose();
}
