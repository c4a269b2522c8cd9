using System.Text;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class CompactJwsTests
{
    [Fact]
    public void TryParse_ThreeSegments_DecodesEachPart()
    {
        var token = $"{TokenTestKit.B64("head")}.{TokenTestKit.B64("body")}.{TokenTestKit.B64("sig!")}";
        var ascii = Encoding.ASCII.GetBytes(token);

        Assert.True(CompactJws.TryParse(ascii, new byte[ascii.Length + 8], out var jws));

        Assert.Equal("head", Encoding.ASCII.GetString(jws.Header));
        Assert.Equal("body", Encoding.ASCII.GetString(jws.Payload));
        Assert.Equal("sig!", Encoding.ASCII.GetString(jws.Signature));
        Assert.Equal(token[..token.LastIndexOf('.')], Encoding.ASCII.GetString(jws.SigningInput));
    }

    [Fact]
    public void TryParse_SegmentsOfUnequalLengths_KeepsThePartsApart()
    {
        var token = $"{TokenTestKit.B64("h")}.{TokenTestKit.B64("payload-longer")}.{TokenTestKit.B64("ss")}";
        var ascii = Encoding.ASCII.GetBytes(token);

        Assert.True(CompactJws.TryParse(ascii, new byte[ascii.Length + 8], out var jws));

        Assert.Equal("h", Encoding.ASCII.GetString(jws.Header));
        Assert.Equal("payload-longer", Encoding.ASCII.GetString(jws.Payload));
        Assert.Equal("ss", Encoding.ASCII.GetString(jws.Signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("abcd.efgh")]
    [InlineData(".efgh.ijkl")]
    [InlineData("abcd..ijkl")]
    [InlineData("abcd.efgh.")]
    [InlineData("..")]
    [InlineData("abcd.efgh.ijkl.")]
    [InlineData("abcd.efgh.ijkl.mnop")]
    [InlineData("abcd.efgh.ij.kl")]
    public void TryParse_NotThreeNonEmptySegments_Refused(string token) => Assert.False(Parse(token));

    [Theory]
    [InlineData("ab=d.efgh.ijkl")]
    [InlineData("abcd.ef+h.ijkl")]
    [InlineData("abcd.efgh.ij/l")]
    [InlineData("a.efgh.ijkl")]
    [InlineData("abcd.e.ijkl")]
    [InlineData("abcd.efgh.i")]
    public void TryParse_SegmentNotStrictBase64Url_Refused(string token) => Assert.False(Parse(token));

    private static bool Parse(string token)
    {
        var ascii = Encoding.ASCII.GetBytes(token);
        return CompactJws.TryParse(ascii, new byte[ascii.Length + 8], out _);
    }
}
