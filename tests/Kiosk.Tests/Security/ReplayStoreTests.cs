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
    public void Checkpoint_EveryFrameCopied_StartsTheWalOverSoTheNextConsumeSyncsOnce()
    {
        using var store = new ReplayStore(DbPath, _time);
        for (var i = 0; i < 3; i++)
        {
            store.TryConsume($"j{i}", _time.GetUtcNow().AddMinutes(5));
        }

        var beforeCheckpoint = WalCheckpointSequence();
        Assert.Equal(0, store.Checkpoint());
        var afterCheckpoint = WalCheckpointSequence();
        Assert.True(store.TryConsume("next", _time.GetUtcNow().AddMinutes(5)));

        // A WAL restart rewrites the header (and syncs it) with the next checkpoint sequence number: it
        // happened in the checkpoint, not in the scan's commit after it.
        Assert.NotEqual(beforeCheckpoint, afterCheckpoint);
        Assert.Equal(afterCheckpoint, WalCheckpointSequence());
    }

    [Fact]
    public void Checkpoint_NothingCommittedSinceTheLast_WritesNothing()
    {
        using var store = new ReplayStore(DbPath, _time);
        store.TryConsume("j1", _time.GetUtcNow().AddMinutes(5));
        store.Checkpoint();
        var sequence = WalCheckpointSequence();
        var length = new FileInfo(DbPath + "-wal").Length;

        Assert.Equal(0, store.Checkpoint());
        Assert.Equal(0, store.Checkpoint());

        Assert.Equal(sequence, WalCheckpointSequence());
        Assert.Equal(length, new FileInfo(DbPath + "-wal").Length);
        Assert.False(store.TryConsume("j1", _time.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public void Checkpoint_AfterAPruneThatDeleted_StartsTheWalOverAgain()
    {
        using var store = new ReplayStore(DbPath, _time);
        store.TryConsume("short", _time.GetUtcNow().AddSeconds(10));
        store.Checkpoint();
        var sequence = WalCheckpointSequence();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, store.Prune());
        Assert.Equal(0, store.Checkpoint());

        Assert.NotEqual(sequence, WalCheckpointSequence());
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

    /// <summary>The WAL header's checkpoint sequence number (big-endian, offset 12; https://sqlite.org/fileformat2.html#wal_file_format).</summary>
    private uint WalCheckpointSequence()
    {
        using var wal = new FileStream(DbPath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[32];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
