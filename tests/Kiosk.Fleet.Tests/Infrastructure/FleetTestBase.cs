using System.Globalization;
using Kiosk.Fleet.Configuration;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>
/// A test class that runs against a real Mosquitto and one database provider; the suite runs once
/// per provider (a SQLite and a PostgreSQL subclass). Each test gets its own topic root and database.
/// </summary>
public abstract class FleetTestBase(SharedServers servers, DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected SharedServers Servers { get; } = servers;

    protected DatabaseProvider Provider { get; } = provider;

    /// <summary>This test's topic root on the shared broker.</summary>
    protected string Root { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    protected int BrokerPort { get; private set; }

    protected FleetDatabase Database { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        BrokerPort = (await Servers.MosquittoAsync()).Port;
        Database = await FleetDatabase.CreateAsync(Provider, Servers);
    }

    public virtual async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task<FleetUnderTest> StartFleetAsync(IDictionary<string, string?>? settings = null, string? clientId = null, Action<IServiceProvider>? beforeStart = null)
    {
        var fleet = await FleetUnderTest.StartAsync(Database, BrokerPort, Root, settings, clientId, beforeStart);
        _owned.Add(fleet);
        return fleet;
    }

    protected async Task<TestKiosk> ConnectKioskAsync(string id, DateTimeOffset? birth = null, Action<TestKiosk>? configure = null)
    {
        var kiosk = new TestKiosk(id, Root, BrokerPort);
        configure?.Invoke(kiosk);
        await kiosk.ConnectAsync(birth);
        _owned.Add(kiosk);
        return kiosk;
    }

    /// <summary>
    /// Publishes a retained birth (<c>online</c>, boot 1) for <paramref name="count"/> kiosks <c>{prefix}-0001</c>...
    /// from one client, as kiosks that came online earlier leave them: what a fleet instance replays at subscribe.
    /// </summary>
    /// <returns>The kiosk ids.</returns>
    protected async Task<HashSet<string>> PublishRetainedBirthsAsync(string prefix, int count)
    {
        using var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", BrokerPort)
            .WithClientId("births-" + Guid.NewGuid().ToString("N"))
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build(), Ct);
        var ids = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:0000}").ToList();
        var ts = TestKiosk.Ts(DateTimeOffset.UtcNow);
        foreach (var chunk in ids.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(async id =>
            {
                var result = await client.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder()
                    .WithTopic($"{Root}/{id}/status")
                    .WithPayload($$"""{"online":true,"ts":"{{ts}}","boot":1,"version":"0.1.0"}""")
                    .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithRetainFlag()
                    .Build(), Ct);
                Assert.True(result.IsSuccess, $"broker refused the birth of {id}: {result.ReasonCode}");
            }));
        }

        await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions(), Ct);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Starts the real kiosk service process (simulated board) as kiosk <paramref name="id"/> on this test's broker
    /// and topic root, without TLS; <paramref name="extra"/> adds or overrides settings. The caller disposes it.
    /// </summary>
    private protected Task<ServiceProcess> StartRealKioskAsync(string id, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Kiosk:Id"] = id,
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = BrokerPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Tls:Enabled"] = "false",
            ["Mqtt:TopicRoot"] = Root,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return ServiceProcess.StartAsync(settings, cancellationToken: Ct);
    }

    protected static TimeSpan Wait => TimeSpan.FromSeconds(30);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
