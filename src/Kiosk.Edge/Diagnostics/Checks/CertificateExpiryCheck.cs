using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>tls</c>: the PEM certificates the broker link uses (client certificate, CA file) are readable and
/// in date: expired fails, expiring within <see cref="DiagnosticsOptions.CertificateWarnBefore"/> warns.
/// Every certificate in a file counts (a CA file may hold a chain).
/// </summary>
internal sealed class CertificateExpiryCheck(Func<IReadOnlyList<CertificateFile>> files, TimeSpan warnBefore, TimeProvider time) : DiagnosticCheck
{
    public override string Name => "tls";

    public override string Category => "network";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var list = files();
        if (list.Count == 0)
        {
            return CheckResult.Pass("no certificate files configured (system trust store, no client certificate)");
        }

        var now = time.GetUtcNow();
        var findings = new List<CheckResult>();
        var seen = new List<string>();
        foreach (var file in list)
        {
            X509Certificate2Collection certificates;
            try
            {
                var pem = await File.ReadAllTextAsync(file.Path, cancellationToken).ConfigureAwait(false);
                certificates = [];
                certificates.ImportFromPem(pem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                findings.Add(CheckResult.Fail($"{file.Key} {file.Path}: unreadable ({e.Message})", $"check the file named by {file.Key} exists, is a PEM certificate and is readable by the service"));
                continue;
            }

            using var _ = new Disposer(certificates);
            if (certificates.Count == 0)
            {
                findings.Add(CheckResult.Fail($"{file.Key} {file.Path}: no certificate in the file", $"{file.Key} must name a PEM file with a -----BEGIN CERTIFICATE----- block"));
                continue;
            }

            var soonest = certificates.MinBy(c => c.NotAfter)!;
            var notAfter = new DateTimeOffset(soonest.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            var text = $"{file.Key} ({soonest.GetNameInfo(X509NameType.SimpleName, false)}) until {notAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            seen.Add(text);
            if (notAfter <= now)
            {
                findings.Add(CheckResult.Fail(
                    $"{file.Key} {file.Path}: expired on {notAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    "the broker refuses the TLS handshake with an expired certificate: install the renewed certificate from the fleet PKI and restart the service"));
            }
            else if (notAfter - now < warnBefore)
            {
                findings.Add(CheckResult.Warn(
                    $"{file.Key} expires in {(int)(notAfter - now).TotalDays} days ({notAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
                    "renew it now from the fleet PKI: when it expires the kiosk loses its broker link"));
            }
        }

        return CheckResult.Worst(findings, string.Join("; ", seen));
    }

    private sealed class Disposer(X509Certificate2Collection certificates) : IDisposable
    {
        public void Dispose()
        {
            foreach (var c in certificates)
            {
                c.Dispose();
            }
        }
    }
}

/// <summary>A certificate file to check, with the configuration key that names it.</summary>
internal sealed record CertificateFile(string Key, string Path);
