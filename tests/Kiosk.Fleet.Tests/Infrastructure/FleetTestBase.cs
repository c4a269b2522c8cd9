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

    protected async Task<FleetUnderTest> StartFleetAsync(IDictionary<string, string?>? settings = null, string? clientId = null)
    {
        var fleet = await FleetUnderTest.StartAsync(Database, BrokerPort, Root, settings, clientId);
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
