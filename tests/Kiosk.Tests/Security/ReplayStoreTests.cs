using Kiosk.Edge.Security;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Security;

public sealed class ReplayStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_dir, "replay.db");

    [Fact]
    public void TryConsume_FirstThenSecondUse_TrueThenFalse()
    {
        using var store = new ReplayStore(DbPath, _time);
        Assert.True(store.TryConsume("j1", _time.GetUtcNow().AddMinutes(5)));
        Assert.False(store.TryConsume("j1", _time.GetUtcNow().AddMinutes(5)));
        Assert.True(store.TryConsume("j2", _time.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public void TryConsume_AfterRestartOnSameFile_StillReplayed()
    {
        using (var first = new ReplayStore(DbPath, _time))
        {
            Assert.True(first.TryConsume("j1", _time.GetUtcNow().AddMinutes(5)));
        }

        using var second = new ReplayStore(DbPath, _time);
        Assert.False(second.TryConsume("j1", _time.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public void Prune_AfterKeepUntil_RemovesOnlyExpiredEntries()
    {
        using var store = new ReplayStore(DbPath, _time);
        store.TryConsume("short", _time.GetUtcNow().AddSeconds(60));
        store.TryConsume("long", _time.GetUtcNow().AddSeconds(600));

        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(1, store.Prune());
        Assert.Equal(1, store.Count);
        Assert.False(store.TryConsume("long", _time.GetUtcNow().AddSeconds(600)));
    }

    [Fact]
    public void TryConsume_MinuteAfterLastPrune_LeavesPruningToThePruner()
    {
        using var store = new ReplayStore(DbPath, _time);
        store.TryConsume("old", _time.GetUtcNow().AddSeconds(10));
        _time.Advance(TimeSpan.FromMinutes(2));
        store.TryConsume("new", _time.GetUtcNow().AddSeconds(10));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Checkpoint_AfterConsumes_CopiesEveryWalFrame()
    {
        using var store = new ReplayStore(DbPath, _time);
        for (var i = 0; i < 20; i++)
        {
            store.TryConsume($"j{i}", _time.GetUtcNow().AddMinutes(5));
        }

        Assert.Equal(0, store.Checkpoint());
        using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM replay";
        Assert.Equal(20L, count.ExecuteScalar());
    }

    [Fact]
    public void TryConsume_ConcurrentSameJti_ExactlyOneWins()
    {
        using var store = new ReplayStore(DbPath, _time);
        var wins = 0;
        Parallel.For(0, 32, _ =>
        {
            if (store.TryConsume("race", _time.GetUtcNow().AddMinutes(5)))
            {
                Interlocked.Increment(ref wins);
            }
        });
        Assert.Equal(1, wins);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
