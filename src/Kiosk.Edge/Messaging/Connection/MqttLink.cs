using Kiosk.Contract.Topics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Edge.Messaging.Connection;

/// <summary>
/// The one MQTT client of the kiosk and what the publishers need from it: publish with a timeout,
/// "is a session up" (a generation number that grows on every (re)connect), incoming messages,
/// and the link section of the state board. <see cref="LinkSupervisor"/> alone connects it.
/// </summary>
internal sealed partial class MqttLink : IDisposable
{
    private readonly Lock _gate = new();
    private readonly MqttOptions _options;
    private readonly StateBoard _board;
    private readonly TimeProvider _time;
    private readonly Channel<MqttApplicationMessage> _incoming =
        Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(256) { SingleReader = true });

    private TaskCompletionSource _sessionUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _generation;
    private bool _connected;
    private DateTimeOffset _since;
    private string? _lastError;
    private long _attempts;
    private long _eventsDropped;

    public MqttLink(IOptions<MqttOptions> options, IOptions<KioskOptions> kiosk, StateBoard board, TimeProvider time)
    {
        _options = options.Value;
        _board = board;
        _time = time;
        Topics = new KioskTopics(_options.TopicRoot, kiosk.Value.Id);
        Client = new MqttClientFactory().CreateMqttClient();
        Client.ApplicationMessageReceivedAsync += e => _incoming.Writer.WriteAsync(e.ApplicationMessage).AsTask();
        _since = time.GetUtcNow();
        Report();
    }

    public IMqttClient Client { get; }

    public KioskTopics Topics { get; }

    public MqttLinkProtocol Protocol => _options.ProtocolVersion;

    /// <summary>Raised (outside the lock) when a session started: subscribed, birth published.</summary>
    public event Action? SessionStarted;

    /// <summary>Grows by one on every session start; publishers compare it to republish after a reconnect.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool IsConnected => Client.IsConnected;

    public ChannelReader<MqttApplicationMessage> Incoming => _incoming.Reader;

    public string Broker => $"{_options.EffectiveHost}:{_options.EffectivePort}";

    /// <summary>Completes when a session is up (immediately if one is).</summary>
    public Task WaitForSessionAsync(CancellationToken cancellationToken)
    {
        Task up;
        lock (_gate)
        {
            up = _sessionUp.Task;
        }

        return up.WaitAsync(cancellationToken);
    }

    /// <summary>Publishes a typed payload (a Kiosk.Contract record) with its source-generated metadata.</summary>
    public Task<MqttClientPublishResult> PublishAsync<T>(
        string topic,
        T payload,
        JsonTypeInfo<T> info,
        MqttQualityOfServiceLevel qos,
        bool retain,
        CancellationToken cancellationToken,
        byte[]? correlationData = null) =>
        PublishAsync(topic, JsonSerializer.SerializeToUtf8Bytes(payload, info), qos, retain, cancellationToken, correlationData);

    /// <summary>Publishes a JSON document the kiosk composed from typed parts (the state board snapshot).</summary>
    public Task<MqttClientPublishResult> PublishAsync(
        string topic,
        JsonNode payload,
        MqttQualityOfServiceLevel qos,
        bool retain,
        CancellationToken cancellationToken,
        byte[]? correlationData = null) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload.ToJsonString()), qos, retain, cancellationToken, correlationData);

    /// <summary>
    /// Publishes UTF-8 JSON bytes as they are (e.g. an event exactly as the outbox stored it); throws when
    /// not connected or when the broker did not answer within the operation timeout.
    /// </summary>
    public async Task<MqttClientPublishResult> PublishAsync(
        string topic,
        byte[] payload,
        MqttQualityOfServiceLevel qos,
        bool retain,
        CancellationToken cancellationToken,
        byte[]? correlationData = null)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain);
        if (_options.ProtocolVersion == MqttLinkProtocol.V500)
        {
            builder.WithContentType("application/json").WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        }

        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }

        // Only the timeout cancels a publish: cancelling one half-written (at shutdown) could leave a torn
        // packet on the stream, and the clean offline message after it would never be acknowledged.
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = new CancellationTokenSource(_options.OperationTimeout);
        return await Client.PublishAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Pings the broker with the operation timeout; false when there is no healthy session.</summary>
    public async Task<bool> TryPingAsync(CancellationToken cancellationToken)
    {
        if (!Client.IsConnected)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        return await Client.TryPingAsync(timeout.Token).ConfigureAwait(false);
    }

    internal void OnSessionStarted()
    {
        lock (_gate)
        {
            _connected = true;
            _since = _time.GetUtcNow();
            _lastError = null;
            _attempts = 0;
            _generation++;
            _sessionUp.TrySetResult();
        }

        Report();
        SessionStarted?.Invoke();
    }

    internal void OnSessionLost(string? error)
    {
        lock (_gate)
        {
            if (_connected)
            {
                _since = _time.GetUtcNow();
            }

            _connected = false;
            _lastError = error ?? _lastError;
            if (_sessionUp.Task.IsCompleted)
            {
                _sessionUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        Report();
    }

    internal void OnAttemptFailed(long attempt, string error)
    {
        lock (_gate)
        {
            _attempts = attempt;
            _lastError = error;
        }

        Report();
    }

    internal void OnEventsDropped(long total)
    {
        lock (_gate)
        {
            _eventsDropped = total;
        }

        Report();
    }

    public void Dispose() => Client.Dispose();

    private void Report()
    {
        LinkState link;
        lock (_gate)
        {
            link = new LinkState(_connected, _since, Broker, _options.ProtocolVersion == MqttLinkProtocol.V500 ? "5.0" : "3.1.1", _lastError, _attempts, _eventsDropped);
        }

        _board.Set(StateSections.Link, link, ContractJsonContext.Default.LinkState);
    }
}
