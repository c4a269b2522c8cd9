using Kiosk.Tokens;

namespace Kiosk.FleetSim.Mqtt;

/// <summary>
/// The issuer keys the simulated kiosks trust (their trust store): a kiosk trust-store JSON file, or public key PEM
/// files with their kid, issuer and roles. Each kiosk gets its own <see cref="TrustStore"/> (the keys are not shared across threads).
/// </summary>
internal sealed class TrustSource
{
    private readonly Func<TrustStore> _create;

    private TrustSource(Func<TrustStore> create) => _create = create;

    /// <summary>From a trust store file in the kiosk's format (<c>{"keys":[{"kid","issuer","publicKeyFile"|"publicKeyPem","roles"}]}</c>).</summary>
    /// <exception cref="TrustStoreException">The file is missing or wrong (the message names what).</exception>
    public static TrustSource FromFile(string path)
    {
        TrustStore.Load(path).Dispose();
        return new TrustSource(() => TrustStore.Load(path));
    }

    /// <summary>One key: an EC P-256 public key PEM (SubjectPublicKeyInfo) that signs for <paramref name="issuer"/>.</summary>
    /// <exception cref="TrustStoreException">Not a usable P-256 public key.</exception>
    public static TrustSource FromPem(string kid, string issuer, string publicKeyPem, IReadOnlyList<KioskRole> roles)
    {
        TrustedKey.FromPem(kid, issuer, publicKeyPem, roles).Dispose();
        return new TrustSource(() => TrustStore.Create([TrustedKey.FromPem(kid, issuer, publicKeyPem, roles)]));
    }

    /// <summary>Trusts nobody: every command is refused (<c>unknown_key</c>).</summary>
    public static TrustSource None { get; } = new(() => TrustStore.Create([]));

    public TrustStore Create() => _create();
}
