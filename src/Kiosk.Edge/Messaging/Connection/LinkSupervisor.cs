using System.Text;
using Kiosk.Edge.Messaging.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Polly;
using System.Text.Json;
using Kiosk.Contract.Json;

namespace Kiosk.Edge.Messaging.Connection;

/// <summary>
/// The only code that connects. One loop: wait a random start delay, then every keep-alive period
/// (or at once when the client reports a disconnect) ping; if the session is gone, connect again
/// with backoff. A session starts with subscribe, then the retained birth. The disconnect handler
/// only wakes this loop; it never reconnects itself.
/// </summary>
internal sealed partial class LinkSupervisor : BackgroundService
{
    private readonly MqttLink _link;
    private readonly MqttClientOptionsFactory _clientOptions;
    private readonly StatusMessages _status;
    private readonly ReconnectPolicy _policy;
    private readonly MqttOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LinkSupervisor> _logger;
    private readonly AsyncSignal _wake = new();
    private readonly ResiliencePipeline _connect;
    private volatile bool _stopping;

    public LinkSupervisor(
        MqttLink link,
        MqttClientOptionsFactory clientOptions,
        StatusMessages status,
        ReconnectPolicy policy,
        IOptions<MqttOptions> options,
        TimeProvider time,
        ILogger<LinkSupervisor> logger)
    {
        _link = link;
        _clientOptions = clientOptions;
        _status = status;
        _policy = policy;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _connect = policy.CreateConnectPipeline(OnRetry);
        _link.Client.DisconnectedAsync += OnDisconnectedAsync;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startDelay = _policy.StartDelay();
        if (startDelay > TimeSpan.Zero)
        {
            LogStartDelay(startDelay.TotalSeconds);
            await Task.Delay(startDelay, _time, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await EnsureConnectedAsync(stoppingToken).ConfigureAwait(false);
            await _wake.WaitAsync(CheckInterval(_options.KeepAlive), _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How often the supervisor pings. A little under the keep-alive: MQTTnet pings by itself after
    /// a keep-alive period without sending, so pinging first makes ours the only keep-alive traffic
    /// (about one exchange per keep-alive period, not two).
    /// </summary>
    internal static TimeSpan CheckInterval(TimeSpan keepAlive) =>
        keepAlive - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, keepAlive.Ticks / 4));

    /// <summary>One supervision step: returns when a session is up (after as many attempts as it takes) or on cancellation.</summary>
    internal async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (await _link.TryPingAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _link.OnSessionLost(null);
        await _connect.ExecuteAsync(ConnectOnceAsync, cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_link.Client.IsConnected)
        {
            LogStoppedOffline();
            return;
        }

        try
        {
            // A clean shutdown replaces the retained birth itself; the broker then discards the will.
            await _link.PublishAsync(_link.Topics.Status, _status.Offline(_time.GetUtcNow()), ContractJsonContext.Default.StatusMessage, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.OperationTimeout);
            await _link.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            LogDisconnected(_link.Broker);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
        {
            LogShutdownFailed(e.Message);
        }

        _link.OnSessionLost(null);
    }

    private async ValueTask ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var client = _link.Client;
        if (client.IsConnected)
        {
            // Half-open: the ping failed but the socket looks alive. Drop it before connecting again.
            using var drop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            drop.CancelAfter(_options.OperationTimeout);
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), drop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                LogHalfOpen(e.Message);
            }
        }

        var will = JsonSerializer.SerializeToUtf8Bytes(_status.Offline(_time.GetUtcNow()), ContractJsonContext.Default.StatusMessage);
        var options = _clientOptions.Create(_link.Topics.Status, will);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        var result = await client.ConnectAsync(options, timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttLinkException($"broker refused the connection: {result.ResultCode}");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(CommandSubscription(_link.Topics.CommandFilter, _options.ProtocolVersion))
            .Build();
        using var subscribeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        subscribeTimeout.CancelAfter(_options.OperationTimeout);
        var granted = await client.SubscribeAsync(subscribe, subscribeTimeout.Token).ConfigureAwait(false);
        if (granted.Items.Any(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
        {
            throw new MqttLinkException($"broker refused the command subscription: {granted.Items.First().ResultCode}");
        }

        var birth = await _link.PublishAsync(_link.Topics.Status, _status.Birth(_time.GetUtcNow()), ContractJsonContext.Default.StatusMessage, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
        if (!birth.IsSuccess)
        {
            throw new MqttLinkException($"broker refused the birth message: {birth.ReasonCode}");
        }

        _link.OnSessionStarted();
        LogConnected(_link.Broker, _options.ProtocolVersion.ToString());
    }

    /// <summary>
    /// The command subscription, QoS 1. On MQTT 5 (section 3.8.3.1): retain handling 2, "do not send
    /// retained messages at subscribe" (a retained command is stale and must not run on every
    /// reconnect), and retain-as-published, so a command published with RETAIN arrives with it set
    /// and is refused. MQTT 3.1.1 has neither option; there RETAIN marks only such stale deliveries.
    /// </summary>
    internal static MqttTopicFilter CommandSubscription(string filter, MqttLinkProtocol protocol)
    {
        var builder = new MqttTopicFilterBuilder().WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (protocol == MqttLinkProtocol.V500)
        {
            builder.WithRetainHandling(MqttRetainHandling.DoNotSendOnSubscribe).WithRetainAsPublished(true);
        }

        return builder.Build();
    }

    private void OnRetry(int attempt, TimeSpan delay, Exception? error)
    {
        var message = error?.Message ?? "unknown error";
        _link.OnAttemptFailed(attempt, message);
        LogConnectFailed(_link.Broker, attempt, message, delay.TotalSeconds);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_stopping)
        {
            _link.OnSessionLost(e.Exception?.Message ?? e.ReasonString ?? e.Reason.ToString());
            LogLost(_link.Broker, e.Reason.ToString());
            _wake.Pulse();
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT start delay {Seconds:F1} s")]
    private partial void LogStartDelay(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Broker} ({Protocol})")]
    private partial void LogConnected(string broker, string protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Broker} lost: {Reason}")]
    private partial void LogLost(string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connect to {Broker} failed (attempt {Attempt}): {Error}; next attempt in {Seconds:F1} s")]
    private partial void LogConnectFailed(string broker, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT dropping a half-open connection: {Error}")]
    private partial void LogHalfOpen(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT disconnected cleanly from {Broker}")]
    private partial void LogDisconnected(string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT stopping while disconnected: the broker already has (or will send) the will")]
    private partial void LogStoppedOffline();

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT clean shutdown incomplete (the broker sends the will instead): {Error}")]
    private partial void LogShutdownFailed(string error);
}
