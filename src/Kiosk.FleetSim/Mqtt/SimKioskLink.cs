using System.Text.Json;
using System.Threading.Channels;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Contract.Status;
using Kiosk.FleetSim.Commands;
using Kiosk.FleetSim.Runner;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Polly;

namespace Kiosk.FleetSim.Mqtt;

/// <summary>
/// The thin MQTT layer of one simulated kiosk: a real MQTTnet 5 client with the kiosk's Last Will, birth, retained
/// state, telemetry, events from the outbox (removed on PUBACK, so none is lost while offline) and command replies.
/// One loop: connect (the kiosk's exponential backoff with jitter), act on a link drop the model decided (abrupt,
/// so the broker sends the will; back after the outage), flush, wait for work or the keep-alive.
/// </summary>
internal sealed partial class SimKioskLink : IAsyncDisposable
{
    private readonly SimKiosk _kiosk;
    private readonly LinkOptions _options;
    private readonly TimeProvider _wall;
    private readonly TimeProvider _virtual;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ResiliencePipeline _connect;
    private DateTimeOffset _since;
    private long _lastPing;
    private long _attempts;
    private string? _lastError;

    public SimKioskLink(SimKiosk kiosk, LinkOptions options, TimeProvider wall, TimeProvider virtualTime, Random random, ILogger logger)
    {
        _kiosk = kiosk;
        _options = options;
        _wall = wall;
        _virtual = virtualTime;
        _random = random;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            Wake();
            return Task.CompletedTask;
        };
        _connect = ReconnectPipeline.Create(options, wall, random.NextDouble, (attempt, error) =>
        {
            Interlocked.Increment(ref _attempts);
            _lastError = error?.Message;
            LogRetry(kiosk.Id, attempt, error?.Message);
        });
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>New output or a change of connection: the loop looks again.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task RunAsync(TimeSpan initialDelay, CancellationToken cancellationToken)
    {
        var delay = initialDelay + (_options.StartDelayMax * _random.NextDouble());
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _wall, cancellationToken).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _connect.ExecuteAsync(ConnectOnceAsync, cancellationToken).ConfigureAwait(false);
                }

                if (TakeLinkDrop() is { } until)
                {
                    await DropAsync(until, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await FlushAsync(cancellationToken).ConfigureAwait(false);
                await WaitOrPingAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or MqttClientNotConnectedException && !cancellationToken.IsCancellationRequested)
            {
                // The connection went away mid-flush: what was not acknowledged stays in the outbox; the loop reconnects.
                _lastError = e.Message;
            }
            catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Anything else MQTTnet throws while a link dies (a socket error, a disposed channel): one kiosk's
                // link must not end the run. Logged with its type, kept in state.link.lastError, then reconnected.
                _lastError = e.Message;
                LogLinkFault(_kiosk.Id, e.GetType().Name, e.Message);
            }
        }
    }

    /// <summary>Clean shutdown: the retained offline status replaces the birth, then DISCONNECT (the broker drops the will).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            var offline = JsonSerializer.SerializeToUtf8Bytes(Offline(), ContractJsonContext.Default.StatusMessage);
            await PublishAsync(_kiosk.Topics.Status, offline, qos1: true, retain: true, cancellationToken).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
        {
            LogStopFailed(_kiosk.Id, e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private DateTimeOffset? TakeLinkDrop()
    {
        lock (_kiosk.Gate)
        {
            var until = _kiosk.Model.LinkDownUntil;
            if (until is not null && until <= _kiosk.Model.Now)
            {
                _kiosk.Model.LinkDownUntil = null;
                return null;
            }

            return until;
        }
    }

    private async Task DropAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        LogDrop(_kiosk.Id, until);
        if (_client.IsConnected)
        {
            // Without DISCONNECT's normal reason: the broker publishes the will, as when a cellular link dies.
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build(), cancellationToken).ConfigureAwait(false);
        }

        var wait = until - _virtual.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _virtual, cancellationToken).ConfigureAwait(false);
        }

        lock (_kiosk.Gate)
        {
            _kiosk.Model.LinkDownUntil = null;
        }
    }

    private async Task WaitOrPingAsync(CancellationToken cancellationToken)
    {
        var interval = CheckInterval(_options.KeepAlive);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing to do for a while: time to look at the keep-alive below.
        }

        // One ping per check interval whatever else was sent, as the kiosk's supervisor does (so it is counted too).
        if (_client.IsConnected && _wall.GetElapsedTime(_lastPing) >= interval)
        {
            _lastPing = _wall.GetTimestamp();
            await _client.PingAsync(cancellationToken).ConfigureAwait(false);
            _kiosk.Traffic.Pinged();
        }
    }

    /// <summary>A little under the keep-alive (the kiosk's LinkSupervisor.CheckInterval).</summary>
    internal static TimeSpan CheckInterval(TimeSpan keepAlive) =>
        keepAlive - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, keepAlive.Ticks / 4));

    private StatusMessage Offline() => StatusMessage.Offline(_virtual.GetUtcNow(), _kiosk.Model.Boot) with { Epoch = _kiosk.Model.Epoch };

    private LinkState Link() => new(_client.IsConnected, _since, $"{_options.Host}:{_options.Port}", "5.0", _lastError, Interlocked.Read(ref _attempts), _kiosk.Model.Events.DroppedTotal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kiosk}: connect attempt {Attempt} failed: {Error}")]
    private partial void LogRetry(string kiosk, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kiosk}: link drops until {Until:O} (virtual)")]
    private partial void LogDrop(string kiosk, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kiosk}: link fault {Type}: {Error}; reconnecting")]
    private partial void LogLinkFault(string kiosk, string type, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kiosk}: clean shutdown failed: {Error}")]
    private partial void LogStopFailed(string kiosk, string error);
}
