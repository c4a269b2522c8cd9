using System.Text;
using Kiosk.Tokens;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class JoseHeaderTests : IDisposable
{
    private readonly TokenTestKit _kit = new();

    [Theory]
    [InlineData("""{"alg":"ES256","kid":"issuer-1"}""")]
    [InlineData("""{"kid":"issuer-1","alg":"ES256","typ":"JWT"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","x5u":{"nested":[1,2]},"jku":null}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-\u0031"}""")]
    public void Check_Es256AndKnownKid_PassesWithTheKey(string header)
    {
        Assert.Null(Check(header, out var key));
        Assert.Same(_kit.Store.Keys.Single(), key);
    }

    [Theory]
    [InlineData("""{"alg":"ES256"}""")]
    [InlineData("""{"kid":"issuer-1"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"alg":"ES256","kid":7}""")]
    [InlineData("""{"alg":"ES256","kid":["issuer-1"]}""")]
    [InlineData("""{"alg":null,"kid":"issuer-1"}""")]
    [InlineData("""{"alg":{"ES256":1},"kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","typ":{}}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","typ":null}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","alg":"ES256"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","x":{"a":1,"a":2}}""")]
    [InlineData("""{"alg":"none","kid":"issuer-1","kid":"issuer-1"}""")]
    [InlineData("""["alg","ES256"]""")]
    [InlineData("""{"alg":{"x":1},"kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256","kid":{"x":1},"y":2}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","typ":{"x":1},"y":2}""")]
    public void Check_BadStructure_Malformed(string header) => Assert.Equal(DenyReason.Malformed, Check(header, out _));

    [Theory]
    [InlineData("""{"alg":"none","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256 ","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"Es256","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","crit":["exp"]}""")]
    [InlineData("""{"crit":[],"alg":"ES256","kid":"issuer-1"}""")]
    [InlineData("""{"alg":"ES256","kid":"issuer-1","crit":null}""")]
    public void Check_AlgNotEs256OrCrit_UnsupportedAlg(string header) => Assert.Equal(DenyReason.UnsupportedAlg, Check(header, out _));

    [Fact]
    public void Check_UnsupportedAlgAndUnknownKid_UnsupportedAlgFirst()
    {
        Assert.Equal(DenyReason.UnsupportedAlg, Check("""{"alg":"HS256","kid":"nobody"}""", out _));
        Assert.Equal(DenyReason.UnsupportedAlg, Check("""{"alg":"ES256","kid":"nobody","crit":["b64"]}""", out _));
    }

    [Fact]
    public void Check_MissingKidAndBadAlg_MalformedFirst()
    {
        Assert.Equal(DenyReason.Malformed, Check("""{"alg":"none"}""", out _));
    }

    [Theory]
    [InlineData("""{"alg":"ES256","kid":"nobody"}""")]
    [InlineData("""{"alg":"ES256","kid":""}""")]
    [InlineData("""{"alg":"ES256","kid":"Issuer-1"}""")]
    public void Check_KidNotInTrustStore_UnknownKey(string header)
    {
        Assert.Equal(DenyReason.UnknownKey, Check(header, out var key));
        Assert.Null(key);
    }

    public void Dispose() => _kit.Dispose();

    private DenyReason? Check(string header, out TrustedKey? key) => JoseHeader.Check(Encoding.UTF8.GetBytes(header), _kit.Store, out key);
}
