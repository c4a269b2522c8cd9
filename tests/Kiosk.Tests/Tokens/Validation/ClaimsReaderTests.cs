using System.Text;
using Kiosk.Tokens;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class ClaimsReaderTests : IDisposable
{
    private const string Required = "\"iss\":\"https://issuer.example\",\"aud\":\"tyyz-0007\",\"sub\":\"s-1\",\"jti\":\"j-1\",\"iat\":1000,\"exp\":1100";
    private readonly TokenTestKit _kit = new();
    private readonly AudienceSet _audiences = new([TokenTestKit.KioskId]);

    [Fact]
    public void TryRead_RequiredClaims_ReadsThem()
    {
        Assert.True(Read("{" + Required + "}", out var claims));
        Assert.True(claims.HasIss && claims.IssuerMatches && claims.HasAud && claims.AudienceMatches);
        Assert.Equal("s-1", claims.Sub);
        Assert.Equal("j-1", claims.Jti);
        Assert.True(claims.HasIat && claims.HasExp);
        Assert.Equal(1000, claims.Iat);
        Assert.Equal(1100, claims.Exp);
        Assert.False(claims.HasNbf);
        Assert.Equal(KioskRole.Worker, claims.Role);
        Assert.Null(claims.Door);
        Assert.Null(claims.Act);
        Assert.Null(claims.Cmd);
    }

    [Fact]
    public void TryRead_OptionalClaims_ReadsThem()
    {
        Assert.True(Read("{" + Required + ""","nbf":1050,"role":"steward","door":"rest","act":"checkout","cmd":"unlock"}""", out var claims));
        Assert.True(claims.HasNbf);
        Assert.Equal(1050, claims.Nbf);
        Assert.Equal(KioskRole.Steward, claims.Role);
        Assert.Equal("rest", claims.Door);
        Assert.Equal(ValidatedToken.CheckOut, claims.Act);
        Assert.Equal(ValidatedToken.UnlockCommand, claims.Cmd);
    }

    [Fact]
    public void TryRead_OtherIssuerOrAudience_ReadButNotMatched()
    {
        Assert.True(Read("""{"iss":"https://other","aud":["x","y"],"sub":"s","jti":"j","iat":1,"exp":2}""", out var claims));
        Assert.True(claims.HasIss);
        Assert.False(claims.IssuerMatches);
        Assert.True(claims.HasAud);
        Assert.False(claims.AudienceMatches);
    }

    [Fact]
    public void TryRead_IssuerCaseOrPrefix_NotMatched()
    {
        Assert.True(Read("""{"iss":"HTTPS://issuer.example","aud":"tyyz-0007","sub":"s","jti":"j","iat":1,"exp":2}""", out var claims));
        Assert.False(claims.IssuerMatches);
        Assert.True(Read("""{"iss":"https://issuer.example/","aud":"tyyz-0007","sub":"s","jti":"j","iat":1,"exp":2}""", out claims));
        Assert.False(claims.IssuerMatches);
    }

    [Fact]
    public void TryRead_UnknownClaimsAndArguments_Ignored()
    {
        Assert.True(Read("{" + Required + ""","circuit":"outlet","subs":["a","b"],"deep":{"iss":1,"aud":2},"n":null}""", out var claims));
        Assert.True(claims.IssuerMatches);
        Assert.Equal("s-1", claims.Sub);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    [InlineData("jti")]
    [InlineData("iat")]
    [InlineData("exp")]
    public void TryRead_RequiredClaimMissing_Refused(string claim)
    {
        var members = Required.Split(',').Where(m => !m.StartsWith($"\"{claim}\"", StringComparison.Ordinal));
        Assert.False(Read("{" + string.Join(",", members) + "}", out _));
    }

    [Theory]
    [InlineData("\"iss\":7")]
    [InlineData("\"aud\":7")]
    [InlineData("\"sub\":\"\"")]
    [InlineData("\"jti\":null")]
    [InlineData("\"iat\":1.5")]
    [InlineData("\"exp\":-1")]
    [InlineData("\"nbf\":\"1\"")]
    [InlineData("\"role\":\"root\"")]
    [InlineData("\"door\":\"\"")]
    [InlineData("\"act\":\"enter\"")]
    [InlineData("\"cmd\":\"\"")]
    public void TryRead_RegisteredClaimOfWrongTypeOrRange_Refused(string member)
    {
        var name = member[..member.IndexOf(':', StringComparison.Ordinal)];
        var members = Required.Split(',').Where(m => !m.StartsWith(name, StringComparison.Ordinal)).Append(member);
        Assert.False(Read("{" + string.Join(",", members) + "}", out _));
    }

    [Fact]
    public void TryRead_ExpBeforeIat_RefusedEqualAccepted()
    {
        Assert.False(Read("""{"iss":"https://issuer.example","aud":"tyyz-0007","sub":"s","jti":"j","iat":1000,"exp":999}""", out _));
        Assert.True(Read("""{"iss":"https://issuer.example","aud":"tyyz-0007","sub":"s","jti":"j","iat":1000,"exp":1000}""", out _));
    }

    [Theory]
    [InlineData("""{"sub":"a","sub":"b"}""")]
    [InlineData("[]")]
    [InlineData("garbage")]
    public void TryRead_NotAGuardedObject_Refused(string json) => Assert.False(Read(json, out _));

    public void Dispose() => _kit.Dispose();

    private bool Read(string json, out PayloadClaims claims) =>
        ClaimsReader.TryRead(Encoding.UTF8.GetBytes(json), _kit.Store.Keys.Single(), _audiences, out claims);
}
