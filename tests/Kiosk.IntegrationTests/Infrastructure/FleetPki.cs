using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.IntegrationTests.EndToEnd;
using MQTTnet;
using MQTTnet.Formatter;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// A test PKI made by deploy/certs/make-test-pki.sh, and the deploy/mosquitto configuration
/// rewritten only where a test must differ (file locations, a free loopback port, no persistence, log to stderr).
/// </summary>
internal sealed class FleetPki : IDisposable
{
    private FleetPki(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public static async Task<FleetPki> CreateAsync(params string[] kioskIds)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("kiosk-pki-").FullName;
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "deploy", "certs", "make-test-pki.sh"));
        psi.ArgumentList.Add(dir);
        foreach (var id in kioskIds)
        {
            psi.ArgumentList.Add(id);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-test-pki.sh failed: {await stderr}");
        }

        File.Copy(Path.Combine(RepoPaths.Root, "deploy", "mosquitto", "acl"), Path.Combine(dir, "acl"));
        return new FleetPki(dir);
    }

    public string Cert(string name) => Path.Combine(Directory, name + ".crt");

    public string Key(string name) => Path.Combine(Directory, name + ".key");

    /// <summary>deploy/mosquitto/mosquitto.conf for a test port.</summary>
    public string BrokerConfig(int port)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "mosquitto", "mosquitto.conf"));
        text = text
            .Replace("/etc/mosquitto/kiosk/", Directory + "/", StringComparison.Ordinal)
            .Replace("listener 8883", $"listener {port} 127.0.0.1", StringComparison.Ordinal)
            .Replace("persistence true", "persistence false", StringComparison.Ordinal)
            .Replace("log_dest syslog", "log_dest stderr", StringComparison.Ordinal);
        Assert.Contains("require_certificate true", text, StringComparison.Ordinal);
        return text + "\n" + MosquittoBroker.UserLine;
    }

    /// <summary>A raw client authenticating as <paramref name="name"/> (its certificate), or with no certificate.</summary>
    public async Task<IMqttClient> ConnectAsync(int port, string? name, string clientId, MqttProtocolVersion protocol = MqttProtocolVersion.V500)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(CaFile);
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(protocol)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(tls =>
            {
                tls.UseTls(true).WithCertificateValidationHandler(a => MqttClientOptionsFactory.IsTrusted(a.Certificate, a.SslPolicyErrors, authorities));
                if (name is not null)
                {
                    tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(Cert(name), Key(name))]);
                }
            })
            .Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(options, cts.Token);
        return client;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
