using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Storage;
using Kiosk.Fleet.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Alarms;

/// <summary>
/// One loop, every <c>Fleet:Alarms:CheckInterval</c>: alarms from silence (offline, no telemetry),
/// seq gaps that outlived the grace period, and escalation of alarms nobody acknowledged.
/// Several instances may run it: raising is once per open condition, and an escalation is claimed
/// with a conditional update so only one instance sends it.
/// </summary>
internal sealed partial class AlarmWatcher(
    IServiceScopeFactory scopes,
    AlarmEscalator escalator,
    FleetChanges changes,
    FleetMetrics metrics,
    IOptions<AlarmOptions> options,
    TimeProvider time,
    ILogger<AlarmWatcher> logger) : BackgroundService
{
    private readonly ILogger<AlarmWatcher> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException && !stoppingToken.IsCancellationRequested)
            {
                // The database is away: the next tick tries again; nothing here is lost by waiting.
                LogCheckFailed(e.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One check at the current time.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();

        var offlineSince = now - o.OfflineAfter;
        var silent = now - (3 * o.TelemetryPeriod);
        var kiosks = await db.Kiosks.AsNoTracking().Select(k => new { k.Id, k.Online, k.LastSeen, k.LastTelemetry }).ToListAsync(cancellationToken).ConfigureAwait(false);
        metrics.SetKiosksOnline(kiosks.Count(k => k.Online));
        foreach (var k in kiosks)
        {
            if (!k.Online && (k.LastSeen ?? DateTime.MinValue) < offlineSince)
            {
                await AlarmStore.RaiseOnceAsync(db, k.Id, AlarmRules.Offline, now, $"offline since {k.LastSeen:O}", cancellationToken).ConfigureAwait(false);
            }

            if (k.Online && k.LastTelemetry is { } last && last < silent)
            {
                await AlarmStore.RaiseOnceAsync(db, k.Id, AlarmRules.NoTelemetry, now, $"no telemetry since {last:O}", cancellationToken).ConfigureAwait(false);
            }
        }

        await ConfirmGapsAsync(db, now - o.GapGrace, now, cancellationToken).ConfigureAwait(false);
        var raised = db.ChangeTracker.Entries<AlarmRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.KioskId).ToHashSet(StringComparer.Ordinal);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (raised.Count > 0)
        {
            changes.Publish(new FleetChange(FleetChangeKinds.Alarms, raised));
        }

        await EscalateAsync(db, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task ConfirmGapsAsync(FleetDb db, DateTime detectedBefore, DateTime now, CancellationToken cancellationToken)
    {
        var gaps = await db.SeqGaps.Where(g => g.Detected <= detectedBefore).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var gap in gaps)
        {
            var arrived = await db.Events.Where(e => e.KioskId == gap.KioskId && e.Seq >= gap.FromSeq && e.Seq <= gap.ToSeq)
                .Select(e => e.Seq).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
            var missing = gap.ToSeq - gap.FromSeq + 1 - arrived;
            if (missing > 0)
            {
                AlarmStore.Raise(db, gap.KioskId, AlarmRules.DataGap, now, $"seq {gap.FromSeq}-{gap.ToSeq}: {missing} missing", null);
                LogGap(gap.KioskId, gap.FromSeq, gap.ToSeq, missing);
            }

            db.SeqGaps.Remove(gap);
        }
    }

    private async Task EscalateAsync(FleetDb db, DateTime now, CancellationToken cancellationToken)
    {
        var due = now - options.Value.EscalateAfter;
        var alarms = await db.Alarms.AsNoTracking()
            .Where(a => a.Closed == null && a.AcknowledgedAt == null && (a.LastNotified ?? a.Raised) <= due)
            .OrderBy(a => a.Id).Take(100)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var alarm in alarms)
        {
            // Claim it: another instance that read the same row finds the condition false and skips it.
            var previous = alarm.LastNotified;
            var claimed = await db.Alarms
                .Where(a => a.Id == alarm.Id && a.LastNotified == previous && a.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastNotified, now).SetProperty(a => a.Notifications, a => a.Notifications + 1), cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                continue;
            }

            alarm.LastNotified = now;
            alarm.Notifications++;
            if (!await escalator.NotifyAsync(AlarmViews.Dto(alarm), cancellationToken).ConfigureAwait(false))
            {
                // Undo the claim so the next check tries again.
                await db.Alarms.Where(a => a.Id == alarm.Id && a.LastNotified == now)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastNotified, previous).SetProperty(a => a.Notifications, a => a.Notifications - 1), cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kiosk {Kiosk} events seq {From}-{To}: {Missing} missing (data_gap)")]
    private partial void LogGap(string kiosk, long from, long to, long missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm check failed, tried again at the next tick: {Error}")]
    private partial void LogCheckFailed(string error);
}
