using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>
/// A scripted kiosk on the real broker: publishes birth/will, state, telemetry and events exactly as
/// the contract shapes them (with chosen ids, seqs and times), and answers commands with <c>ok</c>,
/// recording each command's name and token claims.
/// </summary>
public sealed class TestKiosk : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _root;
    private readonly int _port;

    // The SQLite and PostgreSQL variants of a test class run in parallel against one shared broker with the
    // same kiosk ids: a client id equal to the kiosk id made one variant's connection take over the other's
    // session ("The MQTT client is disconnected"). The topics (under a per-test root) carry the kiosk id.
    private readonly string _clientId = "test-" + Guid.NewGuid().ToString("N");

    public TestKiosk(string id, string root, int port)
    {
        Id = id;
        _root = root;
        _port = port;
        _client.ApplicationMessageReceivedAsync += OnCommandAsync;
    }

    public string Id { get; }

    public long Boot { get; set; } = 1;

    public string? Epoch { get; set; } = "epoch-1";

    public string District { get; set; } = "TEST";

    /// <summary>Commands received: name and the token's claims.</summary>
    public ConcurrentQueue<(string Name, JsonObject Claims)> Commands { get; } = new();

    public string Topic(string kind) => $"{_root}/{Id}/{kind}";

    public static string Ts(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Connects (will = offline for this boot) and publishes the retained birth.</summary>
    public async Task ConnectAsync(DateTimeOffset? ts = null)
    {
        var will = new JsonObject { ["online"] = false, ["ts"] = Ts(ts ?? DateTimeOffset.UnixEpoch), ["boot"] = Boot };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithClientId(_clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithWillTopic(Topic("status"))
            .WithWillPayload(Encoding.UTF8.GetBytes(will.ToJsonString()))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true)
            .Build();
        await _client.ConnectAsync(options);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(Topic("cmd/+")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        await BirthAsync(ts ?? DateTimeOffset.UtcNow);
    }

    public Task BirthAsync(DateTimeOffset ts)
    {
        var birth = new JsonObject
        {
            ["online"] = true,
            ["ts"] = Ts(ts),
            ["version"] = "0.1.0",
            ["boot"] = Boot,
            ["station"] = new JsonObject
            {
                ["code"] = District + "-" + Id,
                ["name"] = "Station " + Id,
                ["address"] = "1 Test Road",
                ["latitude"] = 37.87,
                ["longitude"] = 112.55,
                ["amenities"] = new JsonArray("hot_water", "microwave"),
                ["cabins"] = new JsonArray(new JsonObject { ["id"] = "rest", ["capacity"] = 6 }, new JsonObject { ["id"] = "life", ["capacity"] = 2 }),
            },
        };
        if (Epoch is not null)
        {
            birth["epoch"] = Epoch;
        }

        return PublishAsync("status", birth, retain: true);
    }

    public Task OfflineAsync(long boot, DateTimeOffset ts) =>
        PublishAsync("status", new JsonObject { ["online"] = false, ["ts"] = Ts(ts), ["boot"] = boot }, retain: true);

    public Task EventAsync(long seq, string type, DateTimeOffset ts, JsonObject? fields = null, string? id = null)
    {
        var e = new JsonObject { ["id"] = id ?? $"{Id}-{Epoch}-{seq}", ["seq"] = seq, ["ts"] = Ts(ts), ["type"] = type };
        foreach (var (k, v) in fields ?? [])
        {
            e[k] = v?.DeepClone();
        }

        return PublishAsync("events", e, retain: false);
    }

    public Task TelemetryAsync(DateTimeOffset ts, JsonObject values) =>
        PublishAsync("telemetry", new JsonObject { ["ts"] = Ts(ts), ["values"] = values }, retain: false, MqttQualityOfServiceLevel.AtMostOnce);

    public async Task PublishAsync(string kind, JsonObject payload, bool retain, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topic(kind))
            .WithPayload(Encoding.UTF8.GetBytes(payload.ToJsonString()))
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build());
        Assert.True(result.IsSuccess, $"broker refused {kind}: {result.ReasonCode}");
    }

    /// <summary>Drops the connection without DISCONNECT: the broker publishes the will.</summary>
    public async Task CrashAsync() =>
        await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var name = message.Topic[(message.Topic.LastIndexOf('/') + 1)..];
        var envelope = JsonNode.Parse(message.Payload.ToArray())!.AsObject();
        var token = envelope["token"]!.GetValue<string>();
        var claims = JsonNode.Parse(Convert.FromBase64String(Pad(token.Split('.')[1].Replace('-', '+').Replace('_', '/'))))!.AsObject();
        Commands.Enqueue((name, claims));
        var reply = new JsonObject { ["id"] = envelope["id"]!.GetValue<string>(), ["ok"] = true, ["result"] = new JsonObject { ["echo"] = name }, ["ts"] = Ts(DateTimeOffset.UtcNow) };
        var topic = message.ResponseTopic ?? Topic("reply/" + envelope["id"]!.GetValue<string>());
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(reply.ToJsonString()))
            .WithCorrelationData(message.CorrelationData)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    private static string Pad(string s) => s + new string('=', (4 - (s.Length % 4)) % 4);
}
