using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.Tokens;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>
/// Issuer key rotation on the real service process, without a restart (docs/operations.md): the trust store
/// file is replaced, the service reloads it on SIGHUP (<c>systemctl reload kiosk-edge</c>) or on its own file
/// watch, and a corrupt file changes nothing.
/// </summary>
public sealed class TrustStoreReloadTests : IDisposable
{
    private const string Issuer = "https://issuer.rotation.kiosk-edge.invalid";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-trust-").FullName;
    private readonly (string Kid, string PrivatePem, string PublicPem) _old = NewKey("fleet-2026");
    private readonly (string Kid, string PrivatePem, string PublicPem) _new = NewKey("fleet-2027");
    private int _passes;

    private string TrustStorePath => Path.Combine(_dir, "trust-store.json");

    [Fact]
    public async Task Reload_RotationWithOverlappingKeys_NewOpensOldOpensWhileListedCorruptFileChangesNothing()
    {
        await using var kiosk = await StartWithOldKeyAsync(ignoreHangUp: false);
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _old));
        Assert.Equal("denied: unknown_key", await ScanAsync(kiosk, _new));

        // 1. The operator installs both keys and reloads: SIGHUP, as systemctl reload sends it.
        WriteTrustStore(_old, _new);
        await SignalAsync(kiosk.Pid, "HUP");
        await WaitForLogAsync(kiosk, "Trust store reloaded: 2 keys in force (fleet-2026, fleet-2027); added fleet-2027; removed none");
        // The file watch may have reloaded before the signal arrived (spawning kill is slow under load): wait for its line too.
        await WaitForLogAsync(kiosk, "SIGHUP: the trust store will be read again");
        Assert.DoesNotContain("SIGHUP is ignored", kiosk.Output, StringComparison.Ordinal);
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _new));
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _old));

        // 2. A corrupt file (a copy cut short) is refused by the file watch: both keys stay in force.
        File.WriteAllText(TrustStorePath, File.ReadAllText(TrustStorePath)[..40]);
        await WaitForLogAsync(kiosk, "Trust store reload refused, nothing changed");
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _new));
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _old));
        var keys = await kiosk.CtlAsync("diag", "--checks", "keys", "--json");
        var check = JsonNode.Parse(keys.Stdout)!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "keys")!;
        Assert.Equal("fail", check["status"]!.GetValue<string>());
        Assert.Contains("not valid JSON", check["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("the previous 2 keys stay in force", check["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // 3. The old key is removed (no signal: the file watch reloads): its passes no longer open.
        WriteTrustStore(_new);
        await WaitForLogAsync(kiosk, "Trust store reloaded: 1 keys in force (fleet-2027); added none; removed fleet-2026");
        Assert.Equal("denied: unknown_key", await ScanAsync(kiosk, _old));
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _new));
        keys = await kiosk.CtlAsync("diag", "--checks", "keys", "--json");
        check = JsonNode.Parse(keys.Stdout)!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "keys")!;
        Assert.Equal("pass", check["status"]!.GetValue<string>());

        Assert.True(await kiosk.StopAsync(TimeSpan.FromSeconds(30)) == 0, kiosk.Output);
    }

    [Fact]
    public async Task Start_SighupIgnoredAsUnderNohup_WarnsAndTheFileWatchStillReloads()
    {
        await using var kiosk = await StartWithOldKeyAsync(ignoreHangUp: true);
        await WaitForLogAsync(kiosk, "SIGHUP is ignored: the service was started with SIGHUP ignored");

        WriteTrustStore(_old, _new);
        await WaitForLogAsync(kiosk, "Trust store reloaded: 2 keys in force (fleet-2026, fleet-2027); added fleet-2027; removed none");
        Assert.Equal("granted: door rest", await ScanAsync(kiosk, _new));
        Assert.True(await kiosk.StopAsync(TimeSpan.FromSeconds(30)) == 0, kiosk.Output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The service on a trust store that holds the old key only.</summary>
    private Task<ServiceProcess> StartWithOldKeyAsync(bool ignoreHangUp)
    {
        WriteTrustStore(_old);
        var settings = KioskSettings.Isolated();
        settings["Security:TrustStorePath"] = TrustStorePath;
        // Every granted pass counts someone in; the default six would fill the cabin before the test ends.
        settings["Doors:Cabins:rest:Capacity"] = "20";
        return ServiceProcess.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken, ignoreHangUp: ignoreHangUp);
    }

    private static (string Kid, string PrivatePem, string PublicPem) NewKey(string kid)
    {
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        return (kid, privatePem, publicPem);
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().ConfigureAwait(false);
        Assert.Equal(0, kill.ExitCode);
    }

    private static Task WaitForLogAsync(ServiceProcess kiosk, string line) =>
        Eventually.WaitAsync(() => Task.FromResult(kiosk.Output.Contains(line, StringComparison.Ordinal) ? line : null), Patience, $"the log line '{line}'\n{kiosk.Output}");

    /// <summary>The trust store as installed (0640, key files 0644), written to a temporary file and renamed over the old one.</summary>
    private void WriteTrustStore(params (string Kid, string PrivatePem, string PublicPem)[] keys)
    {
        var entries = new JsonArray();
        foreach (var key in keys)
        {
            var keyFile = Path.Combine(_dir, key.Kid + ".pub.pem");
            File.WriteAllText(keyFile, key.PublicPem);
            File.SetUnixFileMode(keyFile, (UnixFileMode)Convert.ToInt32("644", 8));
            entries.Add(new JsonObject { ["kid"] = key.Kid, ["issuer"] = Issuer, ["publicKeyFile"] = key.Kid + ".pub.pem", ["roles"] = new JsonArray("worker") });
        }

        var next = TrustStorePath + ".new";
        File.WriteAllText(next, new JsonObject { ["keys"] = entries }.ToJsonString());
        File.SetUnixFileMode(next, (UnixFileMode)Convert.ToInt32("640", 8));
        File.Move(next, TrustStorePath, overwrite: true);
    }

    /// <summary>A fresh pass (own subject, so the per-subject rate limit never interferes) scanned at the default door.</summary>
    private async Task<string> ScanAsync(ServiceProcess kiosk, (string Kid, string PrivatePem, string PublicPem) key)
    {
        using var issuer = new TokenIssuer(key.PrivatePem, key.Kid, TimeProvider.System);
        var pass = issuer.Issue(new TokenDescriptor { Issuer = Issuer, Audiences = ["demo-0001"], Subject = $"worker-rotation-{++_passes}" });
        var scan = await kiosk.CtlAsync("sim", "scan", pass);
        Assert.True(scan.ExitCode == 0, scan.ToString());
        return scan.Stdout.Trim();
    }
}
