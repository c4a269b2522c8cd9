using System.Security.Cryptography;

namespace Kiosk.Tokens;

/// <summary>New ES256 issuer keys.</summary>
public static class KeyPairGenerator
{
    /// <summary>A new P-256 key pair: the private key as PKCS#8 PEM, the public key as SubjectPublicKeyInfo PEM.</summary>
    public static (string PrivateKeyPem, string PublicKeyPem) CreateP256()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }
}
