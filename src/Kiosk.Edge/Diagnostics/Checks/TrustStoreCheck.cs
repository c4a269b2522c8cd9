using System.Globalization;
using Kiosk.Edge.Security;
using Kiosk.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>keys</c>: the trust store's issuer keys are loaded and in date: no keys fails; a key past its
/// <c>notAfter</c> or expiring within <see cref="DiagnosticsOptions.KeyWarnBefore"/> warns. The expiry is
/// informational (<see cref="TrustedKey.NotAfter"/>): the validator keeps accepting that key's tokens, so
/// an expired key is a reminder to rotate, not a broken kiosk. A refused reload of the trust store file
/// (<see cref="TrustStoreReloader"/>) fails: the kiosk still works on the previous keys, but not on the ones
/// the operator installed, so a rotation would lock workers out once the issuer switches.
/// </summary>
internal sealed class TrustStoreCheck : DiagnosticCheck
{
    private readonly Func<TrustStore?> _store;
    private readonly Func<TrustStoreRefusal?> _refusal;
    private readonly TimeSpan _warnBefore;
    private readonly TimeProvider _time;

    public TrustStoreCheck(IServiceProvider services, IOptions<DiagnosticsOptions> options, TimeProvider time)
        : this(() => services.GetService<CurrentTrustStore>()?.Store, () => services.GetService<CurrentTrustStore>()?.Refusal, options.Value.KeyWarnBefore, time)
    {
    }

    internal TrustStoreCheck(Func<TrustStore?> store, TimeSpan warnBefore, TimeProvider time)
        : this(store, () => null, warnBefore, time)
    {
    }

    internal TrustStoreCheck(Func<TrustStore?> store, Func<TrustStoreRefusal?> refusal, TimeSpan warnBefore, TimeProvider time)
    {
        _store = store;
        _refusal = refusal;
        _warnBefore = warnBefore;
        _time = time;
    }

    public override string Name => "keys";

    public override string Category => "security";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        const string addHint = "add the issuer's public key to the trust store (Security:TrustStorePath; `kioskctl keys new` prints an entry) and reload the service (systemctl reload kiosk-edge)";
        var store = _store();
        if (store is null || store.Keys.Count == 0)
        {
            return ValueTask.FromResult(CheckResult.Fail("no trusted issuer keys loaded: no pass or command can be verified", addHint));
        }

        if (_refusal() is { } refusal)
        {
            return ValueTask.FromResult(CheckResult.Fail(
                $"the trust store changed but was refused at {refusal.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC: {refusal.Reason}; the previous {store.Keys.Count} keys stay in force ({string.Join(", ", store.Keys.Select(k => k.Kid))})",
                "fix the file as the reason says (owners and modes: docs/install.md), then `sudo systemctl reload kiosk-edge`; `journalctl -u kiosk-edge` shows the reload"));
        }

        var now = _time.GetUtcNow();
        var expired = store.Keys.Where(k => k.NotAfter is { } t && t <= now).ToList();
        var expiring = store.Keys.Where(k => k.NotAfter is { } t && t > now && t - now < _warnBefore).ToList();
        var all = string.Join(", ", store.Keys.Select(k => $"{k.Kid} ({string.Join("/", k.Roles).ToLowerInvariant()}, {Until(k)})"));
        if (expired.Count > 0)
        {
            return ValueTask.FromResult(CheckResult.Warn(
                $"{expired.Count} of {store.Keys.Count} keys past their expiry date: {string.Join(", ", expired.Select(k => $"{k.Kid} on {Date(k.NotAfter!.Value)}"))}",
                "the date is informational: passes signed with this key are still accepted. Rotate: add the issuer's new key to the trust store, reload the service (systemctl reload kiosk-edge), and remove the old key once nothing signs with it"));
        }

        if (expiring.Count > 0)
        {
            return ValueTask.FromResult(CheckResult.Warn(
                $"keys expiring soon: {string.Join(", ", expiring.Select(k => $"{k.Kid} on {Date(k.NotAfter!.Value)}"))}",
                "rotate before then: add the issuer's next key to the trust store now, so both are trusted during the change-over"));
        }

        return ValueTask.FromResult(CheckResult.Pass($"{store.Keys.Count} keys: {all}"));
    }

    private static string Until(TrustedKey k) => k.NotAfter is { } t ? $"until {Date(t)}" : "no expiry";

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
