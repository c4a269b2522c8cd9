using Kiosk.Tokens;
using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class ClaimValueTests
{
    [Theory]
    [InlineData("\"a\"", "a")]
    [InlineData("\"worker-0042\"", "worker-0042")]
    [InlineData("\"\\u0041b\"", "Ab")]
    [InlineData("\"caf\u00e9 \u4e2d\"", "caf\u00e9 \u4e2d")]
    public void ReadId_PrintableString_Value(string json, string expected)
    {
        var reader = ClaimJson.OnName(json);
        Assert.True(ClaimValue.ReadId(ref reader, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"a\\u0000\"")]
    [InlineData("\"a\\tb\"")]
    [InlineData("\"\\u007f\"")]
    [InlineData("\"\\u0085\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("[\"a\"]")]
    public void ReadId_EmptyControlOrNotString_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(ClaimValue.ReadId(ref reader, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void ReadId_LengthLimit_128CharactersAcceptedOneMoreRefused()
    {
        var reader = ClaimJson.OnName($"\"{new string('x', ClaimValue.MaxIdLength)}\"");
        Assert.True(ClaimValue.ReadId(ref reader, out _));
        reader = ClaimJson.OnName($"\"{new string('x', ClaimValue.MaxIdLength + 1)}\"");
        Assert.False(ClaimValue.ReadId(ref reader, out _));
    }

    [Fact]
    public void ReadId_128EscapedCharacters_AcceptedDespiteTheLongRawText()
    {
        // 128 characters written as \u0078: 768 bytes of JSON text, exactly the raw-length cap.
        var reader = ClaimJson.OnName($"\"{string.Concat(Enumerable.Repeat("\\u0078", 128))}\"");
        Assert.True(ClaimValue.ReadId(ref reader, out var value));
        Assert.Equal(new string('x', 128), value);
        reader = ClaimJson.OnName($"\"{string.Concat(Enumerable.Repeat("\\u0078", 128))}x\"");
        Assert.False(ClaimValue.ReadId(ref reader, out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1800000000", 1_800_000_000L)]
    [InlineData("253402300799", 253_402_300_799L)]
    public void ReadNumericDate_IntegerInRange_Value(string json, long expected)
    {
        var reader = ClaimJson.OnName(json);
        Assert.True(ClaimValue.ReadNumericDate(ref reader, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("253402300800")]
    [InlineData("9223372036854775808")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    [InlineData("[1]")]
    public void ReadNumericDate_OutOfRangeFractionExponentOrNotNumber_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(ClaimValue.ReadNumericDate(ref reader, out _));
    }

    [Theory]
    [InlineData("\"worker\"", KioskRole.Worker)]
    [InlineData("\"steward\"", KioskRole.Steward)]
    [InlineData("\"maintenance\"", KioskRole.Maintenance)]
    [InlineData("\"operator\"", KioskRole.Operator)]
    public void ReadRole_ContractName_Role(string json, KioskRole expected)
    {
        var reader = ClaimJson.OnName(json);
        Assert.True(ClaimValue.ReadRole(ref reader, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("\"Operator\"")]
    [InlineData("\"admin\"")]
    [InlineData("\"\"")]
    [InlineData("3")]
    [InlineData("null")]
    public void ReadRole_OtherValue_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(ClaimValue.ReadRole(ref reader, out _));
    }

    [Theory]
    [InlineData("\"checkin\"", ValidatedToken.CheckIn)]
    [InlineData("\"checkout\"", ValidatedToken.CheckOut)]
    public void ReadAct_CheckInOrOut_TheConstant(string json, string expected)
    {
        var reader = ClaimJson.OnName(json);
        Assert.True(ClaimValue.ReadAct(ref reader, out var act));
        Assert.Equal(expected, act);
    }

    [Theory]
    [InlineData("\"enter\"")]
    [InlineData("\"CHECKIN\"")]
    [InlineData("true")]
    public void ReadAct_OtherValue_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(ClaimValue.ReadAct(ref reader, out _));
    }

    [Fact]
    public void ReadCommand_Unlock_TheSharedConstant()
    {
        var reader = ClaimJson.OnName("\"unlock\"");
        Assert.True(ClaimValue.ReadCommand(ref reader, out var cmd));
        Assert.Same(ValidatedToken.UnlockCommand, cmd);
    }

    [Fact]
    public void ReadCommand_OtherName_ItsText()
    {
        var reader = ClaimJson.OnName("\"power\"");
        Assert.True(ClaimValue.ReadCommand(ref reader, out var cmd));
        Assert.Equal("power", cmd);
        reader = ClaimJson.OnName($"\"{new string('c', ClaimValue.MaxIdLength)}\"");
        Assert.True(ClaimValue.ReadCommand(ref reader, out _));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("{}")]
    [InlineData("null")]
    public void ReadCommand_EmptyOrNotString_Refused(string json)
    {
        var reader = ClaimJson.OnName(json);
        Assert.False(ClaimValue.ReadCommand(ref reader, out _));
    }

    [Fact]
    public void ReadCommand_Over128Characters_Refused()
    {
        var reader = ClaimJson.OnName($"\"{new string('c', ClaimValue.MaxIdLength + 1)}\"");
        Assert.False(ClaimValue.ReadCommand(ref reader, out _));
    }
}
