using System.Runtime.InteropServices;
using Kiosk.Edge.Configuration.Native;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// SIGHUP (<c>systemctl reload kiosk-edge</c>) re-reads every configuration source. The logging filters follow
/// the configuration's change token, so <c>Logging:LogLevel:*</c> takes effect at once, without a restart and
/// without touching the doors; every other key is bound once at start and still needs a restart (the trust store
/// file is reloaded on the same signal by TrustStoreReloader). Without a
/// handler, SIGHUP's default action would terminate the service. A service started with SIGHUP ignored keeps
/// ignoring it (<see cref="Native.HangUpDisposition"/>); that is logged as a warning at start.
/// </summary>
internal sealed partial class ConfigurationReloader(IConfiguration configuration, ILogger<ConfigurationReloader> logger) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Reload();
        });
        if (HangUpDisposition.IsIgnored())
        {
            LogHangUpIgnored();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The reload itself (the signal handler's body; tests call it directly).</summary>
    internal void Reload()
    {
        if (configuration is IConfigurationRoot root)
        {
            root.Reload();
            LogReloaded(configuration["Logging:LogLevel:Default"] ?? "Information");
        }
    }

    public void Dispose() => _registration?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration re-read on SIGHUP: log levels applied (default {Level}); the trust store is read again; other keys take effect at the next restart")]
    private partial void LogReloaded(string level);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIGHUP is ignored: the service was started with SIGHUP ignored (nohup, or a parent that ignores it), so `systemctl reload` and `kill -HUP` do nothing; the trust store still reloads when its file changes. Start the service from systemd, or without nohup")]
    private partial void LogHangUpIgnored();
}
