using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class DenyReasonExtensionsTests
{
    private static readonly string[] ContractReasons =
    [
        "malformed", "too_large", "unsupported_alg", "unknown_key", "bad_signature", "wrong_issuer", "wrong_audience",
        "expired", "not_yet_valid", "lifetime_too_long", "replayed", "revoked", "role_forbidden", "unknown_door",
        "out_of_service", "full", "rate_limited", "unknown_command", "bad_arguments",
    ];

    [Fact]
    public void ToContractString_EveryReason_IsExactlyTheContractList()
    {
        Assert.Equal(ContractReasons, Enum.GetValues<DenyReason>().Select(r => r.ToContractString()));
    }

    [Fact]
    public void TryParse_EveryContractString_RoundTrips()
    {
        foreach (var s in ContractReasons)
        {
            Assert.True(DenyReasonExtensions.TryParse(s, out var reason));
            Assert.Equal(s, reason.ToContractString());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Malformed")]
    [InlineData("too-large")]
    public void TryParse_Unknown_False(string? value)
    {
        Assert.False(DenyReasonExtensions.TryParse(value, out _));
    }

    [Fact]
    public void KioskRole_ContractStrings_RoundTrip()
    {
        Assert.Equal(["worker", "steward", "maintenance", "operator"], Enum.GetValues<KioskRole>().Select(r => r.ToContractString()));
        foreach (var role in Enum.GetValues<KioskRole>())
        {
            Assert.True(KioskRoleExtensions.TryParse(role.ToContractString(), out var back));
            Assert.Equal(role, back);
        }

        Assert.False(KioskRoleExtensions.TryParse("admin", out _));
    }

    [Fact]
    public void ToContractString_ValueOutsideTheContract_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ((DenyReason)99).ToContractString());
        Assert.Contains("not a contract deny reason", e.Message, StringComparison.Ordinal);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => ((KioskRole)9).ToContractString());
        Assert.Contains("not a contract role", r.Message, StringComparison.Ordinal);
    }
}
