using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary><c>disk</c>: free space where the event store and the other databases live.</summary>
internal sealed class DiskCheck(DiskSpace disk, IOptions<KioskOptions> kiosk, IOptions<DiagnosticsOptions> options) : DiagnosticCheck
{
    private const long Megabyte = 1024 * 1024;

    public override string Name => "disk";

    public override string Category => "storage";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var path = kiosk.Value.StateDirectory;
        long free, total;
        try
        {
            // statvfs blocks on a hung mount: off the caller, so the runner's timeout still applies.
            (free, total) = await Task.Run(() => disk.Query(path), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return CheckResult.Fail($"cannot read the free space of {path}: {e.Message}", "check that Kiosk:StateDirectory exists and is on a mounted file system");
        }

        var o = options.Value;
        var percent = total > 0 ? 100.0 * free / total : 0;
        var detail = $"{path}: {free / Megabyte} MB free of {total / Megabyte} MB ({percent:0}%)";
        const string hint = "free space on the state file system (old logs: `journalctl --vacuum-size=100M`, stray files); when it fills up, events cannot be stored";
        if (free < o.DiskFailMegabytes * Megabyte)
        {
            return CheckResult.Fail(detail, hint);
        }

        if (free < o.DiskWarnMegabytes * Megabyte || percent < o.DiskWarnPercent)
        {
            return CheckResult.Warn(detail, hint);
        }

        return CheckResult.Pass(detail);
    }
}
