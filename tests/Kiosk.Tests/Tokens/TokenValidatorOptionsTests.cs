using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Tokens;

/// <summary>The validator refuses options it could not enforce, at construction.</summary>
public sealed class TokenValidatorOptionsTests : IDisposable
{
    private readonly TokenTestKit _kit = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Constructor_NullArgument_ArgumentNull()
    {
        var options = new TokenValidationOptions { Audiences = ["k"] };
        Assert.Equal("trustStore", Assert.Throws<ArgumentNullException>(() => new TokenValidator((TrustStore)null!, options, _time)).ParamName);
        Assert.Equal("trustStore", Assert.Throws<ArgumentNullException>(() => new TokenValidator((Func<TrustStore>)null!, options, _time)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new TokenValidator(_kit.Store, null!, _time)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new TokenValidator(_kit.Store, options, null!)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Constructor_NoAudienceOrEmptyOne_Refused(int count)
    {
        string[] both = ["k", ""];
        var audiences = both[^count..];
        var e = Assert.Throws<ArgumentException>(() => new TokenValidator(_kit.Store, new TokenValidationOptions { Audiences = audiences }, _time));
        Assert.StartsWith("at least one non-empty audience (the kiosk id) is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullAudienceList_Refused()
    {
        Assert.Throws<ArgumentException>(() => new TokenValidator(_kit.Store, new TokenValidationOptions { Audiences = null! }, _time));
    }

    public static TheoryData<TokenValidationOptions> BadLimits => new()
    {
        new TokenValidationOptions { Audiences = ["k"], ClockSkew = TimeSpan.FromTicks(-1) },
        new TokenValidationOptions { Audiences = ["k"], MaxPassLifetime = TimeSpan.Zero },
        new TokenValidationOptions { Audiences = ["k"], MaxCommandLifetime = TimeSpan.Zero },
        new TokenValidationOptions { Audiences = ["k"], MaxPassLifetime = TimeSpan.FromSeconds(-1) },
        new TokenValidationOptions { Audiences = ["k"], MaxCommandLifetime = TimeSpan.FromSeconds(-1) },
        new TokenValidationOptions { Audiences = ["k"], MaxTokenBytes = 15 },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public void Constructor_NegativeSkewOrNonPositiveLimit_Refused(TokenValidationOptions options)
    {
        var e = Assert.Throws<ArgumentException>(() => new TokenValidator(_kit.Store, options, _time));
        Assert.StartsWith("clock skew must not be negative; lifetimes and the size limit must be positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroSkewAndSmallestSize_Accepted()
    {
        var validator = new TokenValidator(_kit.Store, new TokenValidationOptions { Audiences = ["k"], ClockSkew = TimeSpan.Zero, MaxTokenBytes = 16 }, _time);
        Assert.Equal(DenyReason.TooLarge, validator.Validate(new string('a', 17)).Reason);
        Assert.Equal(DenyReason.Malformed, validator.Validate(new string('a', 16)).Reason);
    }

    [Fact]
    public void Validate_NonAsciiExactlyAtTheByteLimit_MalformedNotTooLarge()
    {
        var validator = new TokenValidator(_kit.Store, new TokenValidationOptions { Audiences = ["k"], MaxTokenBytes = 16 }, _time);
        Assert.Equal(DenyReason.Malformed, validator.Validate(new string('\u00e9', 8)).Reason);
        Assert.Equal(DenyReason.TooLarge, validator.Validate(new string('\u00e9', 9)).Reason);
    }

    public void Dispose() => _kit.Dispose();
}
