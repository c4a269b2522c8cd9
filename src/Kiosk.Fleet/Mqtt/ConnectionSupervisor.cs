using System.Buffers;
using Kiosk.Contract.Topics;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Observability;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Polly;
using Polly.Retry;

namespace Kiosk.Fleet.Mqtt;

/// <summary>
/// The only loop that connects (through <see cref="SessionConnector"/>): check both sessions (<see cref="FleetMqttConnection"/>) every
/// keep-alive period (or at once when a client reports a disconnect); a session that is gone is connected
/// again with Polly's capped exponential backoff with jitter, then subscribed, the live one first. The
/// receive handler only hands messages on: replies to the waiting command, everything else to its lane
/// of the ingest queue with its acknowledgement deferred.
/// </summary>
/// <remarks>
/// Why two sessions: at each (re)subscribe the broker replays every retained status and state, two per
/// kiosk (MQTT 5 section 3.8.4: an identical subscription is replaced and, with Retain Handling 0, its
/// retained messages are sent again). Had the events subscription the same session, the events the shared
/// subscription routes here would queue at the broker behind that replay, which fills the session's receive
/// window until the fleet has committed it (section 4.9). A shared subscription gets no retained messages
/// (section 4.8.2), so the live session has none to replay; its subscriptions, kept in the persistent session
/// (section 4.1), never lapse, so no event is routed nowhere while an instance starts or restarts.
/// </remarks>
internal sealed partial class ConnectionSupervisor : BackgroundService
{
    private readonly FleetMqttConnection _connection;
    private readonly SessionConnector _sessions;
    private readonly IngestQueue _queue;
    private readonly PendingReplies _replies;
    private readonly FleetMqttOptions _options;
    private readonly FleetMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectionSupervisor> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ResiliencePipeline _connect;
    private CancellationToken _stopping;

    public ConnectionSupervisor(
        FleetMqttConnection connection,
        SessionConnector sessions,
        IngestQueue queue,
        PendingReplies replies,
        IOptions<FleetMqttOptions> options,
        FleetMetrics metrics,
        TimeProvider time,
        ILogger<ConnectionSupervisor> logger)
    {
        _connection = connection;
        _sessions = sessions;
        _queue = queue;
        _replies = replies;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _connect = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReconnectBaseDelay,
                MaxDelay = _options.ReconnectMaxDelay,
                OnRetry = args =>
                {
                    LogConnectFailed(_connection.Broker, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "?", args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .Build();
        foreach (var client in new[] { _connection.Client, _connection.StateClient })
        {
            client.DisconnectedAsync += OnDisconnectedAsync;
            client.ApplicationMessageReceivedAsync += OnMessageAsync;
        }
    }

    /// <summary>Raised after every (re)connect and subscribe: revocations waiting for kiosks go out then.</summary>
    public event Action? Connected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            await EnsureConnectedAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await _wake.WaitAsync(_options.KeepAlive, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One supervision step: returns when both sessions are up, or on cancellation.</summary>
    internal async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        // Live first: events flow before the state session starts its replay.
        var live = await EnsureSessionAsync(_connection.Client, _sessions.ConnectLiveAsync, cancellationToken).ConfigureAwait(false);
        await EnsureSessionAsync(_connection.StateClient, _sessions.ConnectStateAsync, cancellationToken).ConfigureAwait(false);
        _metrics.SetConnected(true);
        if (live)
        {
            Connected?.Invoke();
        }
    }

    /// <returns>True when it had to connect.</returns>
    private async Task<bool> EnsureSessionAsync(IMqttClient client, Func<CancellationToken, ValueTask> connect, CancellationToken cancellationToken)
    {
        if (client.IsConnected && await TryPingAsync(client, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        _metrics.SetConnected(false);
        await _connect.ExecuteAsync(connect, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var client in new[] { _connection.Client, _connection.StateClient }.Where(c => c.IsConnected))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.OperationTimeout);
                // The session survives (SessionExpiry): what is still queued is delivered at the next start.
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                LogShutdownFailed(e.Message);
            }
        }
    }

    private async Task<bool> TryPingAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.OperationTimeout);
            await client.PingAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var (kind, _) = _connection.Topics.Parse(message.Topic);
        if (kind == TopicKind.Other)
        {
            return;
        }

        var payload = message.Payload.ToArray();
        if (kind == TopicKind.Reply)
        {
            _replies.Complete(message.Topic, payload);
            return;
        }

        var received = _time.GetUtcNow().UtcDateTime;
        var lane = kind is TopicKind.Status or TopicKind.State ? IngestLane.State : IngestLane.Live;
        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce)
        {
            // Telemetry is not durable: when the database falls behind, drop rather than stall the receive path.
            if (_queue.LiveCount >= _options.IngestQueue || !_queue.TryWrite(lane, new IngestMessage(message.Topic, payload, received, static _ => Task.CompletedTask)))
            {
                _metrics.TelemetryDropped();
            }

            return;
        }

        // The PUBACK waits for the database commit (IngestWorker); the broker's receive maximum
        // (= Fleet:Mqtt:IngestQueue) bounds how many wait, so this write never blocks for long.
        e.AutoAcknowledge = false;
        await _queue.WriteAsync(lane, new IngestMessage(message.Topic, payload, received, e.AcknowledgeAsync), _stopping).ConfigureAwait(false);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_stopping.IsCancellationRequested)
        {
            LogLost(_connection.Broker, e.Reason.ToString());
            _metrics.SetConnected(false);
            if (_wake.CurrentCount == 0)
            {
                try
                {
                    _wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Broker} lost: {Reason}")]
    private partial void LogLost(string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connect to {Broker} failed (attempt {Attempt}): {Error}; next attempt in {Seconds:F1} s")]
    private partial void LogConnectFailed(string broker, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT disconnect incomplete: {Error}")]
    private partial void LogShutdownFailed(string error);
}
