using Kiosk.Fleet.Workers;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Tests.Workers;

public sealed class WorkerIdentityTests
{
    private readonly WorkerIdentity _identity = new(Options.Create(new WorkerOptions { Pepper = new string('p', 32) }));

    [Theory]
    [InlineData("+86 138-0000-0000", "+8613800000000")]
    [InlineData("(010) 1234 5678", "01012345678")]
    [InlineData("12345", null)]
    [InlineData("+86 138 0000 000a", null)]
    [InlineData("86+1380000", null)]
    public void Normalise_PhoneNumbers_DigitsOrNull(string input, string? expected) => Assert.Equal(expected, WorkerIdentity.Normalise(input));

    [Fact]
    public void Subject_SamePhone_StablePseudonymRevealingNothing()
    {
        var sub = _identity.Subject("+8613800000000");
        Assert.Equal(sub, _identity.Subject("+8613800000000"));
        Assert.StartsWith("w-", sub, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", sub, StringComparison.Ordinal);
        Assert.NotEqual(_identity.PhoneHash("+8613800000000")[..24], sub[2..]);
        Assert.NotEqual(sub, new WorkerIdentity(Options.Create(new WorkerOptions { Pepper = new string('q', 32) })).Subject("+8613800000000"));
    }
}
