using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Ingest;

/// <summary>One loop: drops raw samples and rollups older than their retention.</summary>
internal sealed partial class TelemetryRetention(IServiceScopeFactory scopes, IOptions<TelemetryRetentionOptions> options, TimeProvider time, ILogger<TelemetryRetention> logger) : BackgroundService
{
    private readonly ILogger<TelemetryRetention> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e.GetBaseException().Message);
            }
        }
    }

    /// <summary>One sweep at the current time; returns the rows removed.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var rawBefore = now - o.RawRetention;
        var minuteBefore = now - o.MinuteRetention;
        var hourBefore = now - o.HourRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var removed = await db.Telemetry.Where(t => t.Ts < rawBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        removed += await db.TelemetryRollups.Where(r => r.StepSeconds == 60 && r.Bucket < minuteBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        removed += await db.TelemetryRollups.Where(r => r.StepSeconds == 3600 && r.Bucket < hourBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogSwept(removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry retention removed {Count} rows")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry retention sweep failed, tried again next time: {Error}")]
    private partial void LogFailed(string error);
}
