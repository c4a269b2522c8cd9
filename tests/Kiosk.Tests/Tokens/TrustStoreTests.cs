using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

public sealed class TrustStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trust-").FullName;
    private readonly string _publicPem;
    private readonly string _privatePem;

    public TrustStoreTests()
    {
        (_privatePem, _publicPem) = KeyPairGenerator.CreateP256();
        File.WriteAllText(Path.Combine(_dir, "demo-1.pub.pem"), _publicPem);
    }

    [Fact]
    public void Load_FileWithRelativeKeyFile_LoadsKidIssuerRolesAndNotAfter()
    {
        var path = Write("""{"keys":[{"kid":"demo-1","issuer":"https://issuer.example","publicKeyFile":"demo-1.pub.pem","roles":["worker","steward"],"notAfter":"2027-01-01T00:00:00Z"}]}""");

        using var store = TrustStore.Load(path);

        var key = Assert.Single(store.Keys);
        Assert.Equal("demo-1", key.Kid);
        Assert.Equal("https://issuer.example", key.Issuer);
        Assert.Equal([KioskRole.Worker, KioskRole.Steward], key.Roles);
        Assert.True(key.MayGrant(KioskRole.Steward));
        Assert.False(key.MayGrant(KioskRole.Operator));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), key.NotAfter);
        Assert.Single(store.KeysExpiringBefore(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Empty(store.KeysExpiringBefore(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Load_KeyFileAndInlineKey_SourceFilesListTheJsonThenTheKeyFile()
    {
        var inline = System.Text.Json.JsonSerializer.Serialize(_publicPem);
        var path = Write($$"""{"keys":[{"kid":"demo-1","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["worker"]},{"kid":"k2","issuer":"https://i","publicKeyPem":{{inline}},"roles":["worker"]}]}""");

        using var store = TrustStore.Load(path);

        Assert.Equal([Path.GetFullPath(path), Path.Combine(_dir, "demo-1.pub.pem")], store.SourceFiles);
        using var parsed = TrustStore.Parse("""{"keys":[{"kid":"k","issuer":"https://i","publicKeyPem":""" + inline + ""","roles":["worker"]}]}""", _dir);
        Assert.Empty(parsed.SourceFiles);
    }

    [Fact]
    public void Load_InlinePem_VerifiesTokensOfThatKey()
    {
        var json = $$"""{"keys":[{"kid":"k","issuer":"https://i","publicKeyPem":{{System.Text.Json.JsonSerializer.Serialize(_publicPem)}},"roles":["worker"]}]}""";
        using var store = TrustStore.Load(Write(json));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        using var issuer = new TokenIssuer(_privatePem, "k", time);
        var validator = new TokenValidator(store, new TokenValidationOptions { Audiences = ["tyyz-0007"] }, time);
        var token = issuer.Issue(new TokenDescriptor { Issuer = "https://i", Audiences = ["tyyz-0007"], Subject = "w" });
        Assert.True(validator.Validate(token).IsValid);
    }

    [Fact]
    public void Load_DemoTrustStoreOfTheRepository_Loads()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Kiosk.Edge", "demo", "trust-store.json");
        using var store = TrustStore.Load(path);
        Assert.Equal("demo-issuer", Assert.Single(store.Keys).Kid);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Path.Combine(_dir, "nope.json")));
        Assert.Contains("nope.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingKeyFile_NamesKidFieldAndPath()
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write("""{"keys":[{"kid":"demo-2","issuer":"https://i","publicKeyFile":"demo-2.pub.pem","roles":["worker"]}]}""")));
        Assert.Contains("demo-2", e.Message, StringComparison.Ordinal);
        Assert.Contains("publicKeyFile", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir, "demo-2.pub.pem"), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"keys":[{"issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["worker"]}]}""", "kid")]
    [InlineData("""{"keys":[{"kid":"a","publicKeyFile":"demo-1.pub.pem","roles":["worker"]}]}""", "issuer")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","roles":["worker"]}]}""", "publicKeyFile or publicKeyPem")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem"}]}""", "roles")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":[]}]}""", "roles")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["admin"]}]}""", "roles")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["worker"],"notAfter":"next year"}]}""", "notAfter")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["worker"],"rolez":[]}]}""", "rolez")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":"not a pem","roles":["worker"]}]}""", "public key")]
    [InlineData("""{"keys":[]}""", "empty")]
    [InlineData("""{"kys":[]}""", "keys")]
    [InlineData("""{"keys":[{"kid":"a","kid":"b"}]}""", "JSON")]
    [InlineData("""not json""", "JSON")]
    public void Load_InvalidEntry_NamesTheField(string json, string expected)
    {
        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write(json)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("trust.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKid_Rejected()
    {
        var entry = """{"kid":"a","issuer":"https://i","publicKeyFile":"demo-1.pub.pem","roles":["worker"]}""";
        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write($$"""{"keys":[{{entry}},{{entry}}]}""")));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrivateKeyInsteadOfPublic_Rejected()
    {
        File.WriteAllText(Path.Combine(_dir, "oops.pem"), _privatePem);
        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"oops.pem","roles":["worker"]}]}""")));
        Assert.Contains("PUBLIC KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_P384Or_RsaKey_Rejected()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        File.WriteAllText(Path.Combine(_dir, "p384.pem"), p384.ExportSubjectPublicKeyInfoPem());
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(Path.Combine(_dir, "rsa.pem"), rsa.ExportSubjectPublicKeyInfoPem());

        var e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"p384.pem","roles":["worker"]}]}""")));
        Assert.Contains("P-256", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TrustStoreException>(() => TrustStore.Load(Write("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"rsa.pem","roles":["worker"]}]}""")));
        Assert.Contains("P-256", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "trust.json");
        File.WriteAllText(path, json);
        return path;
    }
}
