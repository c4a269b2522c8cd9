using System.Text.Json;
using Kiosk.Tokens;

namespace Kiosk.Tests.Tokens;

/// <summary><see cref="TrustStore.Parse"/>: every field, and errors that name the source, the entry and the field once.</summary>
public sealed class TrustStoreParseTests
{
    private const string Source = "src.json";
    private readonly string _pem = JsonSerializer.Serialize(KeyPairGenerator.CreateP256().PublicKeyPem);

    [Fact]
    public void Parse_EveryField_Accepted()
    {
        using var store = Parse($$"""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"],"notAfter":"2027-01-01T00:00:00.5Z"}]}""");
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, 500, TimeSpan.Zero), store.Keys[0].NotAfter);
    }

    [Theory]
    [InlineData("2027-01-01T00:00:00Z", 0)]
    [InlineData("2027-01-01T02:00:00+02:00", 0)]
    [InlineData("2027-01-01T00:00:00.1234567Z", 1_234_567)]
    public void Parse_Rfc3339NotAfter_InUtc(string notAfter, long ticks)
    {
        using var store = Parse($$"""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"],"notAfter":"{{notAfter}}"}]}""");
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks), store.Keys[0].NotAfter);
    }

    [Fact]
    public void KeysExpiringBefore_NotAfterEqualToTheInstant_NotIncluded()
    {
        using var store = Parse($$"""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"],"notAfter":"2027-01-01T00:00:00Z"}]}""");
        var notAfter = store.Keys[0].NotAfter!.Value;
        Assert.Empty(store.KeysExpiringBefore(notAfter));
        Assert.Single(store.KeysExpiringBefore(notAfter.AddTicks(1)));
    }

    [Fact]
    public void Parse_ErrorInTheSecondEntry_NamesItsIndexAndKid()
    {
        var e = Assert.Throws<TrustStoreException>(() => Parse($$"""{"keys":[{{Entry("a")}},{"kid":"b","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"],"rolez":1}]}"""));
        Assert.Equal("src.json: keys[1] (kid 'b'): unknown field \"rolez\"", e.Message);
    }

    [Fact]
    public void Parse_DuplicateKid_NamesTheSourceOnce()
    {
        var e = Assert.Throws<TrustStoreException>(() => Parse($$"""{"keys":[{{Entry("a")}},{{Entry("a")}}]}"""));
        Assert.Equal("src.json: kid 'a' appears more than once", e.Message);
    }

    [Fact]
    public void Parse_KeyError_NamesTheSourceOnce()
    {
        var e = Assert.Throws<TrustStoreException>(() => Parse("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":"x","roles":["worker"]}]}"""));
        Assert.Equal("src.json: keys[0] (kid 'a'): kid 'a': public key: no PEM block found", e.Message);
    }

    [Theory]
    [InlineData("""{"keys":[1]}""", "src.json: keys[0]: expected an object")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":5,"roles":["worker"]}]}""", "src.json: keys[0] (kid 'a'): publicKeyPem: expected a string")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":5,"roles":["worker"]}]}""", "src.json: keys[0] (kid 'a'): publicKeyFile: expected a file name")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"","roles":["worker"]}]}""", "src.json: keys[0] (kid 'a'): publicKeyFile: expected a file name")]
    [InlineData("""{"keys":[{"kid":"a","issuer":"https://i","publicKeyFile":"f","publicKeyPem":"p","roles":["worker"]}]}""", "src.json: keys[0] (kid 'a'): exactly one of publicKeyFile or publicKeyPem is required")]
    [InlineData("""{"keys":[{"kid":"","issuer":"https://i"}]}""", "src.json: keys[0]: kid: required, a non-empty string")]
    [InlineData("""{"keys":[{"kid":"a","issuer":7}]}""", "src.json: keys[0] (kid 'a'): issuer: required, a non-empty string")]
    [InlineData("""{"keys":{}}""", "src.json: expected an object with a \"keys\" array")]
    [InlineData("""[]""", "src.json: expected an object with a \"keys\" array")]
    public void Parse_BadEntry_ExactMessage(string json, string expected)
    {
        Assert.Equal(expected, Assert.Throws<TrustStoreException>(() => Parse(json)).Message);
    }

    [Theory]
    [InlineData("\"worker\"")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Parse_RolesNotAnArray_NamesTheField(string roles)
    {
        var e = Assert.Throws<TrustStoreException>(() => Parse($$"""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":{{_pem}},"roles":{{roles}}}]}"""));
        Assert.Equal("src.json: keys[0] (kid 'a'): roles: required, a non-empty array of worker, steward, maintenance, operator", e.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"2027-01-01\"")]
    public void Parse_NotAfterNotATimestamp_NamesTheField(string notAfter)
    {
        var e = Assert.Throws<TrustStoreException>(() => Parse($$"""{"keys":[{"kid":"a","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"],"notAfter":{{notAfter}}}]}"""));
        Assert.Equal("src.json: keys[0] (kid 'a'): notAfter: expected an RFC 3339 timestamp such as 2027-01-01T00:00:00Z", e.Message);
    }

    [Fact]
    public void PublicEntryPoints_NullArgument_ArgumentException()
    {
        Assert.Throws<ArgumentNullException>(() => TrustStore.Create(null!));
        Assert.Throws<ArgumentNullException>(() => TrustStore.Parse(null!, "/"));
        Assert.Throws<ArgumentNullException>(() => TrustStore.Load(null!));
        Assert.Throws<ArgumentException>(() => TrustStore.Load(""));
    }

    private string Entry(string kid) => $$"""{"kid":"{{kid}}","issuer":"https://i","publicKeyPem":{{_pem}},"roles":["worker"]}""";

    private static TrustStore Parse(string json) => TrustStore.Parse(json, "/nonexistent", Source);
}
