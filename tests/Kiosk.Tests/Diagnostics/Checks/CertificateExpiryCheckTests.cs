using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class CertificateExpiryCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _dir = Directory.CreateTempSubdirectory("certs-").FullName;

    [Fact]
    public async Task RunAsync_CertificatesInDate_Passes()
    {
        var ca = Write("ca.pem", "fleet-ca", Now.AddYears(5));
        var client = Write("client.pem", "demo-0001", Now.AddDays(200));

        var r = await Check(new CertificateFile("Mqtt:Tls:CaFile", ca), new CertificateFile("Mqtt:Tls:CertFile", client)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("Mqtt:Tls:CaFile (fleet-ca) until 2031-11-23; Mqtt:Tls:CertFile (demo-0001) until 2027-06-11", r.Detail);
    }

    [Fact]
    public async Task RunAsync_ClientCertificateExpiringSoon_Warns()
    {
        var client = Write("client.pem", "demo-0001", Now.AddDays(20));

        var r = await Check(new CertificateFile("Mqtt:Tls:CertFile", client)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("Mqtt:Tls:CertFile expires in 20 days (2026-12-13)", r.Detail);
        Assert.Contains("renew", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CaExpired_Fails()
    {
        var ca = Write("ca.pem", "fleet-ca", Now.AddDays(-3));

        var r = await Check(new CertificateFile("Mqtt:Tls:CaFile", ca)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal($"Mqtt:Tls:CaFile {ca}: expired on 2026-11-20", r.Detail);
    }

    [Fact]
    public async Task RunAsync_FileMissingOrNotPem_Fails()
    {
        var junk = Path.Combine(_dir, "junk.pem");
        await File.WriteAllTextAsync(junk, "not a certificate", TestContext.Current.CancellationToken);

        var r = await Check(new CertificateFile("Mqtt:Tls:CaFile", Path.Combine(_dir, "missing.pem")), new CertificateFile("Mqtt:Tls:CertFile", junk)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("unreadable", r.Detail, StringComparison.Ordinal);
        Assert.Contains("no certificate in the file", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoFiles_Passes()
    {
        var r = await Check().RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(CheckStatus.Pass, r.Status);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CertificateExpiryCheck Check(params CertificateFile[] files) => new(() => files, TimeSpan.FromDays(30), _time);

    private string Write(string name, string cn, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, cert.ExportCertificatePem());
        return path;
    }
}
