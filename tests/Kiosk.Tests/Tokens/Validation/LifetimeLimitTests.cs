using Kiosk.Tokens.Validation;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class LifetimeLimitTests
{
    private readonly LifetimeLimit _limit = new(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(120));

    [Theory]
    [InlineData(null, 300, false)]
    [InlineData(null, 301, true)]
    [InlineData("unlock", 300, false)]
    [InlineData("unlock", 301, true)]
    [InlineData("power", 120, false)]
    [InlineData("power", 121, true)]
    [InlineData("power", 300, true)]
    [InlineData(null, 0, false)]
    public void IsExceeded_ByKind_PassOrCommandLimit(string? cmd, long lifetime, bool exceeded)
    {
        var claims = new PayloadClaims { Cmd = cmd, Iat = 10_000, Exp = 10_000 + lifetime };
        Assert.Equal(exceeded, _limit.IsExceeded(claims));
    }

    [Fact]
    public void IsExceeded_FractionalLimit_WholeSecondsCount()
    {
        var limit = new LifetimeLimit(TimeSpan.FromSeconds(10.9), TimeSpan.FromSeconds(5.5));
        Assert.False(limit.IsExceeded(new PayloadClaims { Iat = 0, Exp = 10 }));
        Assert.True(limit.IsExceeded(new PayloadClaims { Iat = 0, Exp = 11 }));
        Assert.True(limit.IsExceeded(new PayloadClaims { Cmd = "lock", Iat = 0, Exp = 6 }));
    }
}
