using System.Text.Json.Nodes;
using Kiosk.Edge.Health;
using Kiosk.Edge.Security;
using Kiosk.Edge.State;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Security;

/// <summary>Key rotation without a restart: the reload swaps the keys in force, or refuses a bad file and changes nothing.</summary>
public sealed class TrustStoreReloaderTests : IDisposable
{
    private const string Issuer = "https://issuer.example";
    private const string KioskId = "tyyz-0007";

    private readonly string _dir = Directory.CreateTempSubdirectory("trust-reload-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly StateBoard _board = new();
    private readonly FakeLogger<TrustStoreReloader> _logger = new();
    private readonly HealthMonitor _health;
    private readonly TestIssuer _old = new("fleet-2026");
    private readonly TestIssuer _new = new("fleet-2027");
    private readonly string _path;
    private readonly CurrentTrustStore _current;
    private readonly TokenValidator _validator;
    private readonly TrustStoreReloader _reloader;

    public TrustStoreReloaderTests()
    {
        _health = new HealthMonitor(_time, _board, Options.Create(new HealthOptions()));
        _path = Path.Combine(_dir, "trust-store.json");
        Write(_old);
        _current = new CurrentTrustStore(TrustStoreFile.Load(_path), _path, _time.GetUtcNow());
        _validator = new TokenValidator(() => _current.Store, new TokenValidationOptions { Audiences = [KioskId] }, _time);
        _reloader = new TrustStoreReloader(_current, Options.Create(new SecurityOptions()), _health, _time, _logger);
    }

    [Fact]
    public void Reload_NewKeyBesideOld_BothOpen()
    {
        Write(_old, _new);

        Assert.True(_reloader.Reload());

        Assert.True(_validator.Validate(_old.Pass(_time)).IsValid);
        Assert.True(_validator.Validate(_new.Pass(_time)).IsValid);
        Assert.Null(_current.Refusal);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains("added fleet-2027; removed none", StringComparison.Ordinal));
        Assert.True(HealthEntry()["ok"]!.GetValue<bool>());
    }

    [Fact]
    public void Reload_OldKeyRemoved_ItsPassesAreUnknownKey()
    {
        Write(_old, _new);
        _reloader.Reload();
        Write(_new);

        Assert.True(_reloader.Reload());

        Assert.Equal(DenyReason.UnknownKey, _validator.Validate(_old.Pass(_time)).Reason);
        Assert.True(_validator.Validate(_new.Pass(_time)).IsValid);
    }

    [Theory]
    [InlineData("{\"keys\":[", "not valid JSON")]
    [InlineData("{\"keys\":[]}", "\"keys\" is empty")]
    [InlineData("{\"keys\":[{\"kid\":\"fleet-2027\",\"issuer\":\"https://issuer.example\",\"publicKeyFile\":\"missing.pem\",\"roles\":[\"worker\"]}]}", "missing.pem")]
    public void Reload_BadFile_RefusedAndOldKeysStay(string json, string reason)
    {
        File.WriteAllText(_path, json);

        Assert.False(_reloader.Reload());

        Assert.True(_validator.Validate(_old.Pass(_time)).IsValid);
        Assert.Equal(DenyReason.UnknownKey, _validator.Validate(_new.Pass(_time)).Reason);
        var refusal = Assert.IsType<TrustStoreRefusal>(_current.Refusal);
        Assert.Contains(reason, refusal.Reason, StringComparison.Ordinal);
        var log = _logger.Collector.LatestRecord;
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Contains("refused, nothing changed", log.Message, StringComparison.Ordinal);
        Assert.Contains("fleet-2026", log.Message, StringComparison.Ordinal);
        var entry = HealthEntry();
        Assert.False(entry["ok"]!.GetValue<bool>());
        Assert.Contains("the previous 1 keys stay in force", entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_FileWritableByGroup_RefusedNamingTheMode()
    {
        Write(_old, _new);
        File.SetUnixFileMode(_path, (UnixFileMode)Convert.ToInt32("664", 8));

        Assert.False(_reloader.Reload());

        Assert.Equal(DenyReason.UnknownKey, _validator.Validate(_new.Pass(_time)).Reason);
        Assert.Contains("mode 0664", _current.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_KeyFileWritableByOthers_Refused()
    {
        Write(_old, _new);
        File.SetUnixFileMode(Path.Combine(_dir, "fleet-2027.pub.pem"), (UnixFileMode)Convert.ToInt32("646", 8));

        Assert.False(_reloader.Reload());

        Assert.Contains("fleet-2027.pub.pem: mode 0646", _current.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_GoodFileAfterRefusal_ClearsTheRefusal()
    {
        File.WriteAllText(_path, "not json");
        _reloader.Reload();
        Write(_old, _new);

        Assert.True(_reloader.Reload());

        Assert.Null(_current.Refusal);
        Assert.True(HealthEntry()["ok"]!.GetValue<bool>());
        Assert.True(_validator.Validate(_new.Pass(_time)).IsValid);
    }

    [Fact]
    public async Task StepAsync_RequestsWithinTheDelay_ReloadsOnceWhenQuiet()
    {
        var ct = TestContext.Current.CancellationToken;
        Write(_old, _new);
        _reloader.RequestReload();
        var step = _reloader.StepAsync(ct);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(step.IsCompleted);
        _reloader.RequestReload(); // a second write of the same change: the two seconds start again
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(step.IsCompleted);
        Assert.Equal(DenyReason.UnknownKey, _validator.Validate(_new.Pass(_time)).Reason);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.True(await step.WaitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.True(_validator.Validate(_new.Pass(_time)).IsValid);
        // Both requests were covered by that one reload: the next step waits for a new one.
        var next = _reloader.StepAsync(ct);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(next.IsCompleted);
    }

    public void Dispose()
    {
        _reloader.Dispose();
        _current.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private JsonNode HealthEntry()
    {
        _health.Evaluate();
        return _board.Get("health")!["checks"]![TrustStoreReloader.HealthCheckName]!;
    }

    /// <summary>The trust store file with these issuers' keys, each in its own key file, 0640/0644 as installed.</summary>
    private void Write(params TestIssuer[] issuers)
    {
        var keys = new JsonArray();
        foreach (var issuer in issuers)
        {
            var keyFile = Path.Combine(_dir, issuer.Kid + ".pub.pem");
            File.WriteAllText(keyFile, issuer.PublicKeyPem);
            File.SetUnixFileMode(keyFile, (UnixFileMode)Convert.ToInt32("644", 8));
            keys.Add(new JsonObject { ["kid"] = issuer.Kid, ["issuer"] = Issuer, ["publicKeyFile"] = issuer.Kid + ".pub.pem", ["roles"] = new JsonArray("worker") });
        }

        File.WriteAllText(_path, new JsonObject { ["keys"] = keys }.ToJsonString());
        File.SetUnixFileMode(_path, (UnixFileMode)Convert.ToInt32("640", 8));
    }

    /// <summary>An issuer key pair under one kid.</summary>
    private sealed class TestIssuer
    {
        private readonly string _privateKeyPem;

        public TestIssuer(string kid)
        {
            Kid = kid;
            (_privateKeyPem, PublicKeyPem) = KeyPairGenerator.CreateP256();
        }

        public string Kid { get; }

        public string PublicKeyPem { get; }

        public string Pass(TimeProvider time)
        {
            using var issuer = new TokenIssuer(_privateKeyPem, Kid, time);
            return issuer.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = [KioskId], Subject = "worker-0042" });
        }
    }
}
