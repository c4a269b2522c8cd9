using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Health;

/// <summary>
/// Talks to systemd for a <c>Type=notify</c> unit: READY=1 once the host has started and STOPPING=1
/// when it stops, unless <see cref="Microsoft.Extensions.Hosting.Systemd.SystemdLifetime"/> does
/// (it does not detect systemd when <c>ProtectProc=invisible</c> hides the parent process), and, with
/// <c>WatchdogSec=</c>, one datagram every half period: <c>WATCHDOG=1</c> while the service is live,
/// a <c>STATUS=</c> line naming what failed otherwise, so systemd restarts a service whose door
/// loop hangs and <c>systemctl status</c> says why.
/// </summary>
internal sealed partial class WatchdogNotifier(
    SystemdNotify notify,
    HealthMonitor health,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WatchdogNotifier> logger,
    bool lifetimeSendsReady) : BackgroundService
{
    private bool? _wasLive;

    /// <summary>Half of <c>WatchdogSec=</c>, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan? PingInterval => notify.WatchdogTimeout / 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notify.IsEnabled)
        {
            return;
        }

        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        if (!lifetimeSendsReady)
        {
            notify.Send("READY=1");
        }

        if (PingInterval is not { } interval)
        {
            return;
        }

        LogWatchdog(interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            Tick();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        if (notify.IsEnabled && !lifetimeSendsReady)
        {
            notify.Send("STOPPING=1");
        }

        return base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// One watchdog step: feeds the watchdog if live, otherwise tells systemd why not.
    /// Exactly one datagram per step. Returns whether it fed the watchdog.
    /// </summary>
    internal bool Tick()
    {
        var snapshot = health.Evaluate();
        var changed = _wasLive != snapshot.Live;
        _wasLive = snapshot.Live;
        if (snapshot.Live)
        {
            notify.Send(changed ? "WATCHDOG=1\nSTATUS=live" : "WATCHDOG=1");
            return true;
        }

        if (changed)
        {
            LogNotLive(string.Join(", ", snapshot.SilentLoops));
        }

        notify.Send("STATUS=not live, watchdog withheld: " + string.Join(", ", snapshot.SilentLoops));
        return false;
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog on: feeding every {Interval} while live")]
    private partial void LogWatchdog(TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Service not live ({Failing}): withholding the watchdog so systemd restarts it")]
    private partial void LogNotLive(string failing);
}
