using System.Globalization;
using Kiosk.Edge.Events;
using Kiosk.Edge.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// Keeps the trusted time honest and on record: saves it at <see cref="ClockOptions.PersistInterval"/>
/// and at stop; compares the system clock with it and reports a clock behind by more than the skew
/// (<c>clock.behind</c>, the <c>clock</c> health entry) and a clock the refused passes show to be
/// ahead (<c>clock.ahead</c>). Each is recorded once when it starts and cleared in health when it ends.
/// </summary>
internal sealed partial class TrustedTimeKeeper(
    TrustedClock clock,
    ClockAheadDetector ahead,
    TrustedTimeStore store,
    EventJournal journal,
    HealthMonitor health,
    ClockOptions options,
    TimeSpan skew,
    ILogger<TrustedTimeKeeper> logger) : BackgroundService
{
    /// <summary>The health entry for the clock.</summary>
    public const string HealthCheckName = "clock";

    private long? _lastSave;
    private bool _behind;
    private bool _ahead;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckInterval, clock);
        do
        {
            Step();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        store.Save(clock.GetUtcNow());
    }

    /// <summary>One step: compare, report changes, save when due.</summary>
    internal void Step()
    {
        var behind = clock.SystemBehind();
        var suspectedAhead = ahead.SuspectedAhead;
        var isBehind = behind > skew;
        if (isBehind && !_behind)
        {
            var floor = clock.GetUtcNow();
            journal.Append(new ClockBehind((long)behind.TotalSeconds, floor, clock.Source));
            LogBehind((long)behind.TotalSeconds);
        }
        else if (!isBehind && _behind)
        {
            LogRecovered();
        }

        var isAhead = suspectedAhead is not null;
        if (isAhead && !_ahead)
        {
            journal.Append(new ClockAhead((long)suspectedAhead!.Value.TotalSeconds));
            LogAhead((long)suspectedAhead.Value.TotalSeconds);
        }

        _behind = isBehind;
        _ahead = isAhead;
        health.Report(HealthCheckName, !isBehind && !isAhead, Describe(behind, isBehind, suspectedAhead));

        var now = clock.GetTimestamp();
        if (_lastSave is not { } last || clock.GetElapsedTime(last, now) >= options.PersistInterval)
        {
            store.Save(clock.GetUtcNow());
            _lastSave = now;
        }
    }

    /// <summary>The health detail: what is wrong with the clock, or null when nothing is.</summary>
    internal static string? Describe(TimeSpan behind, bool isBehind, TimeSpan? ahead) => (isBehind, ahead) switch
    {
        (true, _) => string.Create(CultureInfo.InvariantCulture, $"system clock {(long)behind.TotalSeconds} s behind trusted time; passes are checked on trusted time"),
        (false, { } a) => string.Create(CultureInfo.InvariantCulture, $"system clock about {(long)a.TotalSeconds} s ahead: recent valid passes were refused as expired"),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "System clock is {Seconds} s behind trusted time; passes are checked on trusted time")]
    private partial void LogBehind(long seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "System clock caught up with trusted time")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "System clock seems about {Seconds} s ahead: recent valid passes were refused as expired")]
    private partial void LogAhead(long seconds);
}
