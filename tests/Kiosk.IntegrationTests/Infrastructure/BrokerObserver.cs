using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>One message as a backend saw it.</summary>
internal sealed record Observed(string Topic, string Payload, bool Retained, MqttQualityOfServiceLevel Qos, byte[]? CorrelationData)
{
    public JsonObject Json => JsonNode.Parse(Payload)!.AsObject();
}

/// <summary>A backend stand-in: subscribes to a topic filter, records everything, and sends commands.</summary>
internal sealed class BrokerObserver : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Lock _gate = new();
    private readonly List<Observed> _messages = [];

    private BrokerObserver(IMqttClient client) => _client = client;

    public IMqttClient Client => _client;

    public IReadOnlyList<Observed> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<BrokerObserver> ConnectAsync(int port, string filter, MqttProtocolVersion protocol = MqttProtocolVersion.V500, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var observer = new BrokerObserver(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            lock (observer._gate)
            {
                observer._messages.Add(new Observed(m.Topic, Encoding.UTF8.GetString(m.Payload.ToArray()), m.Retain, m.QualityOfServiceLevel, m.CorrelationData));
            }

            return Task.CompletedTask;
        };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(clientId ?? "backend-" + Guid.NewGuid().ToString("N")[..8])
                .WithProtocolVersion(protocol)
                .WithCleanSession(true)
                .Build(),
            cts.Token);
        await client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, cts.Token);
        return observer;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }

    /// <summary>Waits until a message on <paramref name="topic"/> matches; returns it.</summary>
    public async Task<Observed> WaitForAsync(string topic, Func<Observed, bool>? match = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var found = await Eventually.WaitAsync(
            () => Task.FromResult(Messages.FirstOrDefault(m => m.Topic == topic && (match?.Invoke(m) ?? true))),
            limit,
            $"a message on {topic}");
        return found;
    }

    public async Task PublishAsync(string topic, string payload, bool retain = false, string? responseTopic = null, byte[]? correlationData = null)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain);
        if (responseTopic is not null)
        {
            builder.WithResponseTopic(responseTopic);
        }

        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _client.PublishAsync(builder.Build(), cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token);
        }

        _client.Dispose();
    }
}
