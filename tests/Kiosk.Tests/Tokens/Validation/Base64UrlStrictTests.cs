using System.Buffers.Text;
using System.Text;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class Base64UrlStrictTests
{
    [Theory]
    [InlineData("")]
    [InlineData("f")]
    [InlineData("fo")]
    [InlineData("foo")]
    [InlineData("foob")]
    [InlineData("fooba")]
    [InlineData("foobar")]
    public void TryDecode_CanonicalEncoding_GivesTheBytes(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(bytes, Decode(Base64Url.EncodeToString(bytes)));
    }

    [Fact]
    public void TryDecode_EveryByteValue_RoundTrips()
    {
        // 256 bytes in every alignment: each alphabet character in each position of a group.
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (var skip = 0; skip < 3; skip++)
        {
            var part = bytes[skip..];
            Assert.Equal(part, Decode(Base64Url.EncodeToString(part)));
        }
    }

    [Fact]
    public void TryDecode_AllBitsSet_GivesOnes()
    {
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF }, Decode("____"));
        Assert.Equal(new byte[] { 0xFF, 0xFF }, Decode("__8"));
        Assert.Equal(new byte[] { 0xFF }, Decode("_w"));
        Assert.Equal(new byte[] { 0x00 }, Decode("AA"));
        Assert.Equal(new byte[] { 0x00, 0x00 }, Decode("AAA"));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("AAAAA")]
    public void TryDecode_LengthOneMoreThanAGroup_Refused(string encoded) => Assert.Null(Decode(encoded));

    [Theory]
    [InlineData("!AAA")]
    [InlineData("A!AA")]
    [InlineData("AA!A")]
    [InlineData("AAA!")]
    [InlineData("AAAA!A")]
    [InlineData("AAAAA!")]
    [InlineData("AAAA!AA")]
    [InlineData("AAAAA!A")]
    [InlineData("AAAAAA!")]
    public void TryDecode_InvalidCharacterInAnyPosition_Refused(string encoded) => Assert.Null(Decode(encoded));

    [Theory]
    [InlineData("AA==")]
    [InlineData("AA=")]
    [InlineData("AA A")]
    [InlineData("AA+A")]
    [InlineData("AA/A")]
    [InlineData("AA\nA")]
    [InlineData("AAA\u007f")]
    public void TryDecode_PaddingWhitespaceOrBase64Alphabet_Refused(string encoded) => Assert.Null(Decode(encoded));

    [Theory]
    [InlineData(0x80)]
    [InlineData(0xC3)]
    [InlineData(0xFF)]
    public void TryDecode_ByteOutsideAscii_Refused(byte high)
    {
        Assert.False(Base64UrlStrict.TryDecode([(byte)'A', (byte)'A', (byte)'A', high], new byte[8], out _));
        Assert.False(Base64UrlStrict.TryDecode([high, (byte)'A'], new byte[8], out _));
        Assert.False(Base64UrlStrict.TryDecode([(byte)'A', high, (byte)'A'], new byte[8], out _));
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("AP")]
    [InlineData("AAB")]
    [InlineData("AAD")]
    [InlineData("_x")]
    public void TryDecode_NonZeroUnusedBits_Refused(string encoded) => Assert.Null(Decode(encoded));

    [Theory]
    [InlineData("AQ")]
    [InlineData("AAE")]
    public void TryDecode_ZeroUnusedBits_Accepted(string encoded) => Assert.NotNull(Decode(encoded));

    [Fact]
    public void TryDecode_Refused_WritesNothingReported()
    {
        Assert.False(Base64UrlStrict.TryDecode("QUFB!A"u8, new byte[8], out var written));
        Assert.Equal(0, written);
    }

    private static byte[]? Decode(string encoded)
    {
        var destination = new byte[encoded.Length + 8];
        return Base64UrlStrict.TryDecode(Encoding.Latin1.GetBytes(encoded), destination, out var written) ? destination[..written] : null;
    }
}
