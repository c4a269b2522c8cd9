using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Tokens;

/// <summary>
/// One issuer key the kiosk trusts: the public key selected by <c>kid</c>, the only <c>iss</c> it may
/// sign for, and the roles it may grant. <see cref="NotAfter"/> is informational (diagnostics warn
/// before a key runs out); it does not stop verification, so a late key rotation never locks workers out.
/// </summary>
public sealed class TrustedKey : IDisposable
{
    private readonly ECDsa _key;
    private readonly Lock _gate = new();
    private readonly int _roleMask;

    private TrustedKey(string kid, string issuer, ECDsa key, KioskRole[] roles, DateTimeOffset? notAfter)
    {
        Kid = kid;
        Issuer = issuer;
        _key = key;
        Roles = roles;
        NotAfter = notAfter;
        KidUtf8 = Encoding.UTF8.GetBytes(kid);
        IssuerUtf8 = Encoding.UTF8.GetBytes(issuer);
        foreach (var role in roles)
        {
            _roleMask |= 1 << (int)role;
        }
    }

    public string Kid { get; }

    public string Issuer { get; }

    public IReadOnlyList<KioskRole> Roles { get; }

    public DateTimeOffset? NotAfter { get; }

    internal byte[] KidUtf8 { get; }

    internal byte[] IssuerUtf8 { get; }

    /// <summary>Creates a key from a SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>) of a P-256 key.</summary>
    /// <exception cref="TrustStoreException">The kid, issuer, roles or key is unusable; the message says which.</exception>
    public static TrustedKey FromPem(string kid, string issuer, string publicKeyPem, IEnumerable<KioskRole> roles, DateTimeOffset? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (string.IsNullOrEmpty(kid) || kid.Length > 128)
        {
            throw new TrustStoreException("kid: must be 1-128 characters");
        }

        if (string.IsNullOrEmpty(issuer))
        {
            throw new TrustStoreException($"kid '{kid}': issuer: must not be empty");
        }

        var roleArray = roles.Distinct().ToArray();
        if (roleArray.Length == 0 || roleArray.Any(r => !Enum.IsDefined(r)))
        {
            throw new TrustStoreException($"kid '{kid}': roles: must list at least one of worker, steward, maintenance, operator");
        }

        return new TrustedKey(kid, issuer, ImportPublicKey(kid, publicKeyPem), roleArray, notAfter);
    }

    public bool MayGrant(KioskRole role) => (_roleMask & (1 << (int)role)) != 0;

    public void Dispose() => _key.Dispose();

    /// <summary>Verifies an ES256 signature (64-byte r||s) over the JWS signing input.</summary>
    internal bool VerifyEs256(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(signingInput, hash);
        // One ECDsa instance is not documented as safe for concurrent use; hashing stays outside the lock.
        lock (_gate)
        {
            try
            {
                return _key.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
            catch (CryptographicException)
            {
                // A signature the provider cannot even parse is simply not a valid one.
                return false;
            }
        }
    }

    private static ECDsa ImportPublicKey(string kid, string pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields))
        {
            throw new TrustStoreException($"kid '{kid}': public key: no PEM block found");
        }

        // A kiosk must never hold an issuer's private key, even by mistake.
        if (!pem.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
        {
            throw new TrustStoreException($"kid '{kid}': public key: expected a '-----BEGIN PUBLIC KEY-----' block, found '{pem[fields.Label]}'");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var curve = key.ExportParameters(false).Curve;
            if (key.KeySize != 256 || curve.Oid?.Value != "1.2.840.10045.3.1.7")
            {
                throw new TrustStoreException($"kid '{kid}': public key: must be an EC P-256 key for ES256");
            }

            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new TrustStoreException($"kid '{kid}': public key: not a usable EC P-256 public key ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new TrustStoreException($"kid '{kid}': public key: not a usable EC P-256 public key ({e.Message})", e);
        }
        catch (TrustStoreException)
        {
            key.Dispose();
            throw;
        }
    }
}
