using Kiosk.Edge.Events;
using Kiosk.Edge.Messaging.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using System.Text;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.Messaging.Events;

/// <summary>
/// Publishes the durable outbox to <c>events</c> (QoS 1) strictly in seq order. An event is marked
/// published only after a successful PUBACK; anything else leaves it (and everything after it)
/// pending for the next attempt, so nothing is lost across outages or a kill -9 (delivery is
/// at-least-once: a backend de-duplicates by <c>id</c>/<c>seq</c>). Drops past the outbox bound
/// are reported as an <c>events.dropped</c> event.
/// </summary>
internal sealed partial class EventOutboxPublisher : BackgroundService
{
    private const int BatchSize = 100;

    private readonly MqttLink _link;
    private readonly EventJournal _journal;
    private readonly DropReportStore _drops;
    private readonly TimeProvider _time;
    private readonly ILogger<EventOutboxPublisher> _logger;
    private readonly MqttEventsOptions _options;
    private readonly DrainRateLimiter _limiter;
    private readonly AsyncSignal _wake = new();

    public EventOutboxPublisher(MqttLink link, EventJournal journal, DropReportStore drops, IOptions<MqttOptions> options, TimeProvider time, ILogger<EventOutboxPublisher> logger)
    {
        _link = link;
        _journal = journal;
        _drops = drops;
        _time = time;
        _logger = logger;
        _options = options.Value.Events;
        _limiter = new DrainRateLimiter(_options.MaxRate, _options.Burst, time);
        _journal.Appended += _ => _wake.Pulse();
        _link.SessionStarted += _wake.Pulse;
        _link.OnEventsDropped(journal.DroppedCount);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _link.WaitForSessionAsync(stoppingToken).ConfigureAwait(false);
            var outcome = await DrainOnceAsync(stoppingToken).ConfigureAwait(false);
            switch (outcome)
            {
                case DrainOutcome.Empty:
                    await _wake.WaitAsync(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
                    break;
                case DrainOutcome.Refused:
                    await Task.Delay(_options.RefusedRetryDelay, _time, stoppingToken).ConfigureAwait(false);
                    break;
                case DrainOutcome.LinkDown:
                    // Wait for the supervisor to bring a session back (or a fresh pulse) instead of spinning.
                    await _wake.WaitAsync(TimeSpan.FromSeconds(1), _time, stoppingToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>
    /// Publishes one batch of pending events (rate-capped), stopping at the first failure; then,
    /// with room made in the outbox, reports new drops.
    /// </summary>
    internal async Task<DrainOutcome> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var batch = _journal.ReadPending(BatchSize);
        if (batch.Count == 0)
        {
            return ReportDrops() ? DrainOutcome.Published : DrainOutcome.Empty;
        }

        foreach (var e in batch)
        {
            var wait = _limiter.Reserve();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            MqttClientPublishResult result;
            try
            {
                result = await _link.PublishAsync(_link.Topics.Events, Encoding.UTF8.GetBytes(e.Json), MqttQualityOfServiceLevel.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (MqttFailures.IsTransient(ex, cancellationToken))
            {
                LogLinkDown(e.Seq, ex.Message);
                return DrainOutcome.LinkDown;
            }

            // No subscriber is still a delivery to the broker; any other code means the broker did not take it.
            if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
            {
                LogRefused(e.Seq, result.ReasonCode.ToString(), result.ReasonString ?? "");
                return DrainOutcome.Refused;
            }

            _journal.MarkPublished(e.Seq);
        }

        ReportDrops();
        return DrainOutcome.Published;
    }

    /// <summary>Only called right after events left the outbox, so this append does not itself push out another event.</summary>
    private bool ReportDrops()
    {
        var total = _journal.DroppedCount;
        var reported = _drops.Reported;
        if (total <= reported)
        {
            return false;
        }

        // Append first: a crash in between reports the drop twice rather than never.
        _journal.Append(new EventsDropped(total - reported, total));
        _drops.Reported = total;
        _link.OnEventsDropped(total);
        LogDropped(total - reported, total);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT event {Seq} not published (link down): {Error}")]
    private partial void LogLinkDown(long seq, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker refused event {Seq}: {Reason} {Detail}; will retry it (events stay in order)")]
    private partial void LogRefused(long seq, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT outbox bound reached: {Count} events dropped unpublished ({Total} in total), reported as events.dropped")]
    private partial void LogDropped(long count, long total);
}

internal enum DrainOutcome
{
    Empty,
    Published,
    Refused,
    LinkDown,
}
