using Kiosk.Fleet.Configuration;

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

    protected static TimeSpan Wait => TimeSpan.FromSeconds(30);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
