using System.Security.Cryptography;
using System.Text;
using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class TrustedKeyTests
{
    private readonly string _publicPem = KeyPairGenerator.CreateP256().PublicKeyPem;

    [Fact]
    public void FromPem_P256Key_KeepsKidIssuerRolesAndNotAfter()
    {
        var notAfter = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var key = TrustedKey.FromPem("k-1", "https://i", _publicPem, [KioskRole.Steward, KioskRole.Steward, KioskRole.Operator], notAfter);

        Assert.Equal("k-1", key.Kid);
        Assert.Equal("https://i", key.Issuer);
        Assert.Equal([KioskRole.Steward, KioskRole.Operator], key.Roles);
        Assert.Equal(notAfter, key.NotAfter);
        Assert.Equal("k-1"u8.ToArray(), key.KidUtf8);
        Assert.Equal("https://i"u8.ToArray(), key.IssuerUtf8);
    }

    [Theory]
    [InlineData(new[] { KioskRole.Worker }, KioskRole.Worker, true)]
    [InlineData(new[] { KioskRole.Worker }, KioskRole.Steward, false)]
    [InlineData(new[] { KioskRole.Steward, KioskRole.Steward }, KioskRole.Steward, true)]
    [InlineData(new[] { KioskRole.Maintenance, KioskRole.Operator }, KioskRole.Operator, true)]
    [InlineData(new[] { KioskRole.Maintenance, KioskRole.Operator }, KioskRole.Maintenance, true)]
    [InlineData(new[] { KioskRole.Maintenance, KioskRole.Operator }, KioskRole.Worker, false)]
    public void MayGrant_ListedRolesOnly(KioskRole[] roles, KioskRole asked, bool granted)
    {
        using var key = TrustedKey.FromPem("k", "https://i", _publicPem, roles);
        Assert.Equal(granted, key.MayGrant(asked));
    }

    [Fact]
    public void FromPem_NullRoles_ArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => TrustedKey.FromPem("k", "https://i", _publicPem, null!));
    }

    [Fact]
    public void FromPem_KidLength_1To128()
    {
        TrustedKey.FromPem(new string('k', 128), "https://i", _publicPem, [KioskRole.Worker]).Dispose();
        Assert.Contains("kid: must be 1-128", Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem(new string('k', 129), "https://i", _publicPem, [KioskRole.Worker])).Message, StringComparison.Ordinal);
        Assert.Contains("kid: must be 1-128", Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("", "https://i", _publicPem, [KioskRole.Worker])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_EmptyIssuer_NamesKidAndField()
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k-9", "", _publicPem, [KioskRole.Worker]));
        Assert.Equal("kid 'k-9': issuer: must not be empty", e.Message);
    }

    [Theory]
    [InlineData(new KioskRole[0])]
    [InlineData(new[] { (KioskRole)9 })]
    [InlineData(new[] { KioskRole.Worker, (KioskRole)9 })]
    public void FromPem_NoRoleOrUndefinedRole_NamesKidAndField(KioskRole[] roles)
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k-9", "https://i", _publicPem, roles));
        Assert.StartsWith("kid 'k-9': roles: must list at least one of", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brainpoolP256r1")]
    [InlineData("nistP384")]
    public void FromPem_OtherCurve_RefusedAsNotP256(string curve)
    {
        using var other = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k", "https://i", other.ExportSubjectPublicKeyInfoPem(), [KioskRole.Worker]));
        Assert.Equal("kid 'k': public key: must be an EC P-256 key for ES256", e.Message);
    }

    [Fact]
    public void FromPem_TwoKeysInOnePem_RefusedAsNotUsable()
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k", "https://i", _publicPem + "\n" + _publicPem, [KioskRole.Worker]));
        Assert.StartsWith("kid 'k': public key: not a usable EC P-256 public key (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_PublicKeyBlockWithGarbage_RefusedAsNotUsable()
    {
        var pem = "-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----\n";
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k", "https://i", pem, [KioskRole.Worker]));
        Assert.StartsWith("kid 'k': public key: not a usable EC P-256 public key (", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no pem here")]
    public void FromPem_NoPemBlock_SaysSo(string pem)
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustedKey.FromPem("k", "https://i", pem, [KioskRole.Worker]));
        Assert.Equal("kid 'k': public key: no PEM block found", e.Message);
    }

    [Fact]
    public void VerifyEs256_SignatureOfOtherLengthOrGarbage_False()
    {
        using var key = TrustedKey.FromPem("k", "https://i", _publicPem, [KioskRole.Worker]);
        var input = Encoding.ASCII.GetBytes("a.b");
        Assert.False(key.VerifyEs256(input, new byte[64]));
        Assert.False(key.VerifyEs256(input, new byte[10]));
        Assert.False(key.VerifyEs256(input, []));
    }
}
