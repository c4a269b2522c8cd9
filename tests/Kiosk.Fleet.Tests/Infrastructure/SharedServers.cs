using Kiosk.IntegrationTests.Infrastructure;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>
/// One Mosquitto and one PostgreSQL for the whole run (started lazily: unit tests need neither).
/// Tests keep apart by topic root, kiosk ids, client ids and database names.
/// </summary>
public sealed class SharedServers : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MosquittoBroker? _mosquitto;
    private PostgresServer? _postgres;

    public async Task<MosquittoBroker> MosquittoAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_mosquitto is null)
            {
                // Queues for a fleet instance that is away must hold a whole test's traffic (kill -9 test).
                var broker = new MosquittoBroker(port => MosquittoBroker.PlainConfig(port) + "max_queued_messages 0\nmax_inflight_messages 100\n");
                await broker.StartAsync();
                _mosquitto = broker;
            }

            return _mosquitto;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<PostgresServer> PostgresAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _postgres ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _gate.Dispose();
    }
}
