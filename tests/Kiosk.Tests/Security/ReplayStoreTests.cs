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
    public void TryConsume_WalPastAThousandPages_NoCheckpointUntilThePrunerAsks()
    {
        using var store = new ReplayStore(DbPath, _time);
        var before = new FileInfo(DbPath).Length;
        // One WAL frame per commit: 1,100 commits pass SQLite's default automatic checkpoint (1,000 pages).
        for (var i = 0; i < 1100; i++)
        {
            store.TryConsume($"jti-{i:D5}", _time.GetUtcNow().AddMinutes(5));
        }

        Assert.Equal(before, new FileInfo(DbPath).Length);
        Assert.Equal(0, store.Checkpoint());
        Assert.True(new FileInfo(DbPath).Length > before);
    }

    [Fact]
    public void Open_DatabaseWithTheKeepUntilIndex_DropsItAndKeepsTheJtis()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE replay (jti TEXT PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID;"
                + "CREATE INDEX replay_keep_until ON replay (keep_until);"
                + $"INSERT INTO replay VALUES ('used', {_time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds()});";
            create.ExecuteNonQuery();
        }

        using var store = new ReplayStore(DbPath, _time);

        Assert.False(store.TryConsume("used", _time.GetUtcNow().AddMinutes(5)));
        using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var indexes = reader.CreateCommand();
        indexes.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'replay_keep_until'";
        Assert.Equal(0L, indexes.ExecuteScalar());
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
