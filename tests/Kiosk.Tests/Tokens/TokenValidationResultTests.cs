using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class TokenValidationResultTests
{
    [Fact]
    public void ToString_Valid_NamesThePseudonymousSubject()
    {
        using var kit = new TokenTestKit();
        Assert.Equal("valid (sub worker-0042)", kit.Validator.Validate(kit.Issue()).ToString());
    }

    [Fact]
    public void ToString_Denied_TheContractReason()
    {
        Assert.Equal("wrong_audience", TokenValidationResult.Denied(DenyReason.WrongAudience).ToString());
        Assert.Equal("malformed", TokenValidationResult.Denied(DenyReason.Malformed).ToString());
    }

    [Fact]
    public void Valid_Null_ArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => TokenValidationResult.Valid(null!));
    }
}
