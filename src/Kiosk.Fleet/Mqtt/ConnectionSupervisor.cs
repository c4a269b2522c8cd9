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
/// The only code that connects. One loop: check the session every keep-alive period (or at once when
/// the client reports a disconnect); if it is gone, connect again with Polly's capped exponential
/// backoff with jitter, then subscribe. The receive handler only hands messages on: replies to the
/// waiting command, everything else to the ingest queue with its acknowledgement deferred.
/// </summary>
internal sealed partial class ConnectionSupervisor : BackgroundService
{
    private readonly FleetMqttConnection _connection;
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
        IngestQueue queue,
        PendingReplies replies,
        IOptions<FleetMqttOptions> options,
        FleetMetrics metrics,
        TimeProvider time,
        ILogger<ConnectionSupervisor> logger)
    {
        _connection = connection;
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
        _connection.Client.DisconnectedAsync += OnDisconnectedAsync;
        _connection.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
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

    /// <summary>One supervision step: returns when a session is up, or on cancellation.</summary>
    internal async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_connection.IsConnected && await TryPingAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _metrics.SetConnected(false);
        await _connect.ExecuteAsync(ConnectOnceAsync, cancellationToken).ConfigureAwait(false);
        _metrics.SetConnected(true);
        Connected?.Invoke();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_connection.IsConnected)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.OperationTimeout);
                // The session survives (SessionExpiry): what is still queued is delivered at the next start.
                await _connection.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                LogShutdownFailed(e.Message);
            }
        }
    }

    private async Task<bool> TryPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.OperationTimeout);
            await _connection.Client.PingAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async ValueTask ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var client = _connection.Client;
        if (client.IsConnected)
        {
            using var drop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            drop.CancelAfter(_options.OperationTimeout);
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), drop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                LogShutdownFailed(e.Message);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        var result = await client.ConnectAsync(_connection.CreateClientOptions(), timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new FleetMqttException($"broker refused the connection: {result.ResultCode}");
        }

        // Events and telemetry are split between instances (shared subscription) where the broker can;
        // status and state are retained, which a shared subscription never replays, so every instance
        // takes them (their handling is idempotent). Replies come only to the instance that asked.
        var topics = _connection.Topics;
        var shared = result.SharedSubscriptionAvailable ? $"$share/{_options.SharedGroup}/" : "";
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(shared + topics.AllKiosks(KioskTopics.EventsLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(shared + topics.AllKiosks(KioskTopics.TelemetryLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce))
            .WithTopicFilter(f => f.WithTopic(topics.AllKiosks(KioskTopics.StatusLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(topics.AllKiosks(KioskTopics.StateLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(topics.ReplyFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        using var subscribeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        subscribeTimeout.CancelAfter(_options.OperationTimeout);
        var granted = await client.SubscribeAsync(subscribe, subscribeTimeout.Token).ConfigureAwait(false);
        if (granted.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new FleetMqttException($"broker refused the subscription {refused.TopicFilter.Topic}: {refused.ResultCode}");
        }

        LogConnected(_connection.Broker, result.IsSessionPresent, shared.Length > 0);
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
        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce)
        {
            // Telemetry is not durable: when the database falls behind, drop rather than stall the receive path.
            if (_queue.Count >= _options.IngestQueue || !_queue.TryWrite(new IngestMessage(message.Topic, payload, received, static _ => Task.CompletedTask)))
            {
                _metrics.TelemetryDropped();
            }

            return;
        }

        // The PUBACK waits for the database commit (IngestWorker); the broker's receive maximum
        // (= Fleet:Mqtt:IngestQueue) bounds how many wait, so this write never blocks for long.
        e.AutoAcknowledge = false;
        await _queue.WriteAsync(new IngestMessage(message.Topic, payload, received, e.AcknowledgeAsync), _stopping).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Broker} (session present: {SessionPresent}, shared subscriptions: {Shared})")]
    private partial void LogConnected(string broker, bool sessionPresent, bool shared);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Broker} lost: {Reason}")]
    private partial void LogLost(string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connect to {Broker} failed (attempt {Attempt}): {Error}; next attempt in {Seconds:F1} s")]
    private partial void LogConnectFailed(string broker, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT disconnect incomplete: {Error}")]
    private partial void LogShutdownFailed(string error);
}
