using Kiosk.Edge.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Security;

public sealed class ReplayPrunerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-pruner-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Step_ExpiredAndLiveJtis_PrunesOnlyExpired()
    {
        using var store = new ReplayStore(Path.Combine(_dir, "replay.db"), _time);
        store.TryConsume("expired", _time.GetUtcNow().AddSeconds(30));
        store.TryConsume("live", _time.GetUtcNow().AddMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(1));

        new ReplayPruner(store, _time, NullLogger<ReplayPruner>.Instance).Step();

        Assert.Equal(1, store.Count);
        Assert.False(store.TryConsume("live", _time.GetUtcNow().AddMinutes(10)));
        Assert.True(store.TryConsume("expired", _time.GetUtcNow().AddMinutes(10)));
    }

    [Fact]
    public async Task ExecuteAsync_AMinutePasses_PrunesWithoutAScan()
    {
        using var store = new ReplayStore(Path.Combine(_dir, "replay.db"), _time);
        store.TryConsume("expired", _time.GetUtcNow().AddSeconds(30));
        using var pruner = new ReplayPruner(store, _time, NullLogger<ReplayPruner>.Instance);
        await pruner.StartAsync(TestContext.Current.CancellationToken);

        // The timer is created on the service's own task: advance until it has ticked.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (store.Count != 0 && DateTime.UtcNow < deadline)
        {
            _time.Advance(ReplayPruner.Interval);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await pruner.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, store.Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
