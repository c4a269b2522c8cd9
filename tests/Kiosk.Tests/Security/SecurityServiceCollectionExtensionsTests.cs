using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Security;
using Kiosk.Tests.Tokens;
using Kiosk.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Security;

public sealed class SecurityServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("security-di-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AddKioskSecurity_DemoTrustStore_AuthorizesADemoPassForThisKioskOrItsAlias()
    {
        using var provider = Build(new()
        {
            ["Security:TrustStorePath"] = DemoPath("trust-store.json"),
            ["Security:Audiences:0"] = "site-demo",
        });

        var authority = provider.GetRequiredService<PassAuthority>();
        using var issuer = new TokenIssuer(File.ReadAllText(DemoPath("demo-issuer.key.pem")), "demo-issuer", _time);
        var pass = new TokenDescriptor { Issuer = "https://issuer.demo.kiosk-edge.invalid", Audiences = ["demo-0001"], Subject = "w1" };
        Assert.True(authority.AuthorizeScan(issuer.Issue(pass)).Granted);
        Assert.True(authority.AuthorizeScan(issuer.Issue(pass with { Audiences = ["site-demo"] })).Granted);
        Assert.Equal(DenyReason.WrongAudience, authority.AuthorizeScan(issuer.Issue(pass with { Audiences = ["demo-0002"] })).Reason);
        Assert.Contains(provider.GetServices<KioskCommand>(), c => c.Name == "revoke");
        Assert.True(File.Exists(Path.Combine(_dir, "replay.db")));
    }

    [Fact]
    public void AddKioskSecurity_MissingTrustStore_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["Security:TrustStorePath"] = Path.Combine(_dir, "missing.json") });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecurityOptions>>().Value);
        Assert.Contains("Security:TrustStorePath", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKioskSecurity_BrokenTrustStore_FailsNamingKeyAndKid()
    {
        var path = Path.Combine(_dir, "trust.json");
        File.WriteAllText(path, """{"keys":[{"kid":"k9","issuer":"https://i","publicKeyFile":"nope.pem","roles":["worker"]}]}""");
        using var provider = Build(new() { ["Security:TrustStorePath"] = path });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecurityOptions>>().Value);
        Assert.Contains("Security:TrustStorePath", e.Message, StringComparison.Ordinal);
        Assert.Contains("k9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKioskSecurity_TrustStoreWritableByGroup_FailsNamingTheModeAndTheFix()
    {
        var path = Path.Combine(_dir, "trust.json");
        File.Copy(DemoPath("trust-store.json"), path);
        File.Copy(DemoPath("demo-issuer.pub.pem"), Path.Combine(_dir, "demo-issuer.pub.pem"));
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("664", 8));
        using var provider = Build(new() { ["Security:TrustStorePath"] = path });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecurityOptions>>().Value);
        Assert.Contains("Security:TrustStorePath", e.Message, StringComparison.Ordinal);
        Assert.Contains("mode 0664", e.Message, StringComparison.Ordinal);
        Assert.Contains("chmod go-w", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Security:TrustStoreReloadDelay", "00:02:00", "TrustStoreReloadDelay")]
    [InlineData("Security:ClockSkew", "00:10:00", "ClockSkew")]
    [InlineData("Security:MaxPassLifetime", "00:00:01", "MaxPassLifetime")]
    [InlineData("Security:RateLimitAttempts", "0", "RateLimitAttempts")]
    [InlineData("Security:RateLimitWindow", "00:00:00", "RateLimitWindow")]
    [InlineData("Security:Audiences:0", " ", "Security:Audiences")]
    public void AddKioskSecurity_OutOfRangeValue_FailsNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Security:TrustStorePath"] = DemoPath("trust-store.json"), [key] = value });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecurityOptions>>().Value);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityOptions_Defaults_MatchTheContract()
    {
        var options = new SecurityOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.Equal(TimeSpan.FromSeconds(300), options.MaxPassLifetime);
        Assert.Equal(TimeSpan.FromSeconds(120), options.MaxCommandLifetime);
        Assert.Equal(6, options.RateLimitAttempts);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RateLimitWindow);
        Assert.Equal(TimeSpan.FromSeconds(360), options.RevokedTokenRetention);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string DemoPath(string file) => Path.Combine(TrustStoreTests.RepositoryRoot(), "src", "Kiosk.Edge", "demo", file);

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Kiosk:Id"] = "demo-0001";
        settings["Kiosk:StateDirectory"] = _dir;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddOptions<KioskOptions>().Bind(configuration.GetSection(KioskOptions.Section));
        services.AddKioskSecurity(configuration);
        return services.BuildServiceProvider();
    }
}
