using Kiosk.Tokens;
using Kiosk.Tokens.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Tokens.Validation;

public sealed class ValidityWindowTests
{
    private const long Now = 1_800_000_000;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(Now));
    private readonly ValidityWindow _window;

    public ValidityWindowTests() => _window = new ValidityWindow(_time, TimeSpan.FromSeconds(30));

    [Fact]
    public void Check_InsideTheWindow_Passes()
    {
        Assert.Null(_window.Check(new PayloadClaims { Iat = Now - 10, Exp = Now + 10 }));
        Assert.Null(_window.Check(new PayloadClaims { Iat = Now - 10, Exp = Now + 10, HasNbf = true, Nbf = Now }));
    }

    [Fact]
    public void Check_ExpPlusSkew_ExpiredFromThatMillisecond()
    {
        var claims = new PayloadClaims { Iat = Now - 100, Exp = Now + 10 - 30 };
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Null(_window.Check(claims));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(DenyReason.Expired, _window.Check(claims));
    }

    [Fact]
    public void Check_IatBeyondSkew_NotYetValidUntilThatMillisecond()
    {
        var claims = new PayloadClaims { Iat = Now + 40, Exp = Now + 60 };
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(DenyReason.NotYetValid, _window.Check(claims));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(_window.Check(claims));
    }

    [Fact]
    public void Check_NbfBeyondSkew_NotYetValidUntilThatMillisecond()
    {
        var claims = new PayloadClaims { Iat = Now - 10, Exp = Now + 60, HasNbf = true, Nbf = Now + 40 };
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(DenyReason.NotYetValid, _window.Check(claims));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(_window.Check(claims));
    }

    [Fact]
    public void Check_NbfAbsent_ItsValueIgnored()
    {
        Assert.Null(_window.Check(new PayloadClaims { Iat = Now - 10, Exp = Now + 60, HasNbf = false, Nbf = Now + 1000 }));
    }

    [Fact]
    public void Check_ExpiredAndNotYetValid_ExpiredFirst()
    {
        Assert.Equal(DenyReason.Expired, _window.Check(new PayloadClaims { Iat = Now + 1000, Exp = Now - 1000 }));
    }

    [Fact]
    public void Check_ZeroSkew_ExactBounds()
    {
        var window = new ValidityWindow(_time, TimeSpan.Zero);
        Assert.Equal(DenyReason.Expired, window.Check(new PayloadClaims { Iat = Now - 1, Exp = Now }));
        Assert.Null(window.Check(new PayloadClaims { Iat = Now, Exp = Now + 1 }));
        Assert.Equal(DenyReason.NotYetValid, window.Check(new PayloadClaims { Iat = Now + 1, Exp = Now + 2 }));
    }
}
