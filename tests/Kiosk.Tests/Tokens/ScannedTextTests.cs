using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class ScannedTextTests
{
    private const string Token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ3In0.c2ln";

    [Theory]
    [InlineData(Token)]
    [InlineData(Token + "\r\n")]
    [InlineData("  " + Token + "\t")]
    [InlineData("https://pass.example/o?t=" + Token)]
    [InlineData("https://pass.example/o?k=tyyz-0007&t=" + Token + "&v=1")]
    [InlineData("HTTP://pass.example/o?t=" + Token + "#frag")]
    [InlineData("https://pass.example/o?t=eyJhbGciOiJFUzI1NiJ9%2EeyJzdWIiOiJ3In0%2Ec2ln\r")]
    public void TryExtractToken_BareOrUrl_ReturnsTheToken(string scanned)
    {
        Assert.True(ScannedText.TryExtractToken(scanned, out var token));
        Assert.Equal(Token, token);
    }

    [Theory]
    [InlineData("]Q1" + Token)]
    [InlineData("]Q1" + Token + "\r\n")]
    [InlineData("]d2" + Token)]
    [InlineData("]Q3https://pass.example/o?t=" + Token)]
    public void TryExtractToken_OneLeadingAimIdentifier_Stripped(string scanned)
    {
        Assert.True(ScannedText.TryExtractToken(scanned, out var token));
        Assert.Equal(Token, token);
    }

    [Theory]
    [InlineData("]Q1]Q1" + Token)]
    [InlineData("]Q" + Token)]
    [InlineData("]" + Token)]
    [InlineData("]1Q" + Token)]
    [InlineData(Token + "]Q1")]
    public void TryExtractToken_AnythingButOneLeadingAimIdentifier_NotStripped(string scanned)
    {
        // Either refused here or left in the token, where the validator denies it as malformed.
        Assert.True(!ScannedText.TryExtractToken(scanned, out var token) || token != Token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n")]
    [InlineData("https://pass.example/o")]
    [InlineData("https://pass.example/o?x=1")]
    [InlineData("https://pass.example/o?t=")]
    [InlineData("https://pass.example/o?t=a&t=b")]
    [InlineData("two words")]
    public void TryExtractToken_NoSingleToken_False(string? scanned)
    {
        Assert.False(ScannedText.TryExtractToken(scanned, out var token));
        Assert.Equal("", token);
    }
}
