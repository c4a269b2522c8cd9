using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Security;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class TrustStoreCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly string PublicKeyPem = KeyPairGenerator.CreateP256().PublicKeyPem;
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task RunAsync_KeysInDate_PassesListingThem()
    {
        using var store = Store(("issuer-a", Now.AddDays(200)), ("issuer-b", null));

        var r = await Check(store).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("2 keys: issuer-a (worker/maintenance, until 2027-06-11), issuer-b (worker/maintenance, no expiry)", r.Detail);
    }

    [Fact]
    public async Task RunAsync_KeyExpiringWithinWarning_Warns()
    {
        using var store = Store(("issuer-a", Now.AddDays(10)), ("issuer-b", Now.AddDays(300)));

        var r = await Check(store).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("keys expiring soon: issuer-a on 2026-12-03", r.Detail);
        Assert.Contains("rotate", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExpiredKey_WarnsThatPassesAreStillAccepted()
    {
        using var store = Store(("issuer-a", Now.AddDays(-1)), ("issuer-b", Now.AddDays(300)));

        var r = await Check(store).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("1 of 2 keys past their expiry date: issuer-a on 2026-11-22", r.Detail);
        Assert.Contains("still accepted", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoKeys_Fails()
    {
        using var store = TrustStore.Create([]);

        var r = await Check(store).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("Security:TrustStorePath", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoTrustStoreComposed_Fails()
    {
        var r = await new TrustStoreCheck(() => null, TimeSpan.FromDays(14), _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
    }

    [Fact]
    public async Task RunAsync_ReloadRefused_FailsNamingTheReasonAndTheKeysInForce()
    {
        using var store = Store(("fleet-2026", Now.AddDays(200)));
        var refusal = new TrustStoreRefusal(Now.AddMinutes(-3), "trust store /etc/kiosk/trust-store.json: \"keys\" is empty");

        var r = await new TrustStoreCheck(() => store, () => refusal, TimeSpan.FromDays(14), _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("the trust store changed but was refused at 2026-11-23 05:57:00 UTC: trust store /etc/kiosk/trust-store.json: \"keys\" is empty; the previous 1 keys stay in force (fleet-2026)", r.Detail);
        Assert.Contains("systemctl reload kiosk-edge", r.Hint, StringComparison.Ordinal);
    }

    private TrustStoreCheck Check(TrustStore store) => new(() => store, TimeSpan.FromDays(14), _time);

    private static TrustStore Store(params (string Kid, DateTimeOffset? NotAfter)[] keys) =>
        TrustStore.Create(keys.Select(k => TrustedKey.FromPem(k.Kid, "https://issuer.example", PublicKeyPem, [KioskRole.Worker, KioskRole.Maintenance], k.NotAfter)));
}
