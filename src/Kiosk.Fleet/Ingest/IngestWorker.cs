using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Mqtt;
using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Web.Live;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Kiosk.Fleet.Ingest;

/// <summary>
/// The ingest loop: take what is queued (up to a batch, events and telemetry first: <see cref="IngestQueue.Take"/>), commit it, and only then acknowledge each
/// message to the broker. A database failure is retried with backoff and nothing is acknowledged
/// meanwhile, so a crash at any point leaves every unacknowledged message with the broker.
/// </summary>
internal sealed partial class IngestWorker : BackgroundService
{
    private readonly IngestQueue _queue;
    private readonly MessageIngestor _ingestor;
    private readonly RevocationSender _revocations;
    private readonly FleetChanges _changes;
    private readonly FleetMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly FleetMqttOptions _options;
    private readonly ILogger<IngestWorker> _logger;
    private readonly ResiliencePipeline _retry;

    public IngestWorker(IngestQueue queue, MessageIngestor ingestor, RevocationSender revocations, FleetChanges changes, FleetMetrics metrics, IOptions<FleetMqttOptions> options, TimeProvider time, ILogger<IngestWorker> logger)
    {
        _queue = queue;
        _ingestor = ingestor;
        _revocations = revocations;
        _changes = changes;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, args.Outcome.Exception?.GetBaseException().Message ?? "?");
                    return default;
                },
            })
            .Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IngestMessage>(_options.IngestBatch);
        try
        {
            while (true)
            {
                await _queue.WaitAsync(stoppingToken).ConfigureAwait(false);
                batch.Clear();
                _queue.Take(batch, _options.IngestBatch);
                await StepAsync(batch, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not committed is not acknowledged; the broker keeps it for our session.
        }
    }

    /// <summary>One step: commit the batch (retrying), then acknowledge every message in it.</summary>
    internal async Task StepAsync(IReadOnlyList<IngestMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await _retry.ExecuteAsync(async ct => await _ingestor.IngestAsync(batch, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var ts in result.EventTimes)
        {
            _metrics.EventLag((now - ts).TotalSeconds);
        }

        foreach (var message in batch)
        {
            _metrics.Lag((now - message.Received).TotalSeconds);
            try
            {
                await message.AckAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The connection that delivered it is gone: the broker delivers it again and dedup drops it.
                LogAckFailed(e.Message);
            }
        }

        foreach (var kiosk in result.CameOnline)
        {
            _revocations.Enqueue(kiosk);
        }

        // Committed: the live console pages may read it now.
        _changes.Publish(batch);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest commit failed (attempt {Attempt}), retrying; nothing acknowledged: {Error}")]
    private partial void LogRetry(int attempt, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingest acknowledgement not sent (the broker redelivers): {Error}")]
    private partial void LogAckFailed(string error);
}
