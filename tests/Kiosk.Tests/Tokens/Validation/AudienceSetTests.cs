using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class AudienceSetTests
{
    private readonly AudienceSet _set = new([TokenTestKit.KioskId, TokenTestKit.Alias]);

    [Theory]
    [InlineData("\"tyyz-0007\"")]
    [InlineData("\"site-tyyz\"")]
    [InlineData("[\"tyyz-0007\"]")]
    [InlineData("[\"tyyz-0007\",\"other\"]")]
    [InlineData("[\"other\",\"tyyz-0007\"]")]
    [InlineData("[\"other\",\"site-tyyz\",\"more\"]")]
    [InlineData("[\"tyyz-0007\",\"tyyz-0007\"]")]
    [InlineData("[\"tyyz-0007\",\"tyyz-0007\",\"tyyz-0007\"]")]
    [InlineData("[\"tyyz-0007\",\"site-tyyz\"]")]
    [InlineData("\"tyyz\\u002d0007\"")]
    public void TryRead_NamesThisKiosk_Matches(string json) => Assert.True(Read(json));

    [Theory]
    [InlineData("\"tyyz-0008\"")]
    [InlineData("\"TYYZ-0007\"")]
    [InlineData("\"tyyz-0007 \"")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("[\"other\",\"tyyz-00077\"]")]
    public void TryRead_OtherAudience_WellFormedButNoMatch(string json) => Assert.False(Read(json));

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{\"aud\":\"tyyz-0007\"}")]
    [InlineData("[1]")]
    [InlineData("[\"tyyz-0007\",null]")]
    [InlineData("[[\"tyyz-0007\"]]")]
    [InlineData("[{}]")]
    public void TryRead_NotStringOrArrayOfStrings_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(_set.TryRead(ref reader, out _));
    }

    [Fact]
    public void TryRead_Array_LeavesTheReaderOnItsEnd()
    {
        var reader = ClaimJson.OnName("[\"a\",\"tyyz-0007\"]");
        Assert.True(_set.TryRead(ref reader, out _));
        Assert.Equal(System.Text.Json.JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(System.Text.Json.JsonTokenType.EndObject, reader.TokenType);
    }

    private bool Read(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.True(_set.TryRead(ref reader, out var matches));
        return matches;
    }
}
