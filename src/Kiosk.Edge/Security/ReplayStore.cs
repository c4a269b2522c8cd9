using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.Security;

/// <summary>
/// Every jti this kiosk has accepted, in SQLite so a pass stays used across restarts and power cuts.
/// A jti is kept until its token's exp plus the clock skew (after that the token is refused as expired
/// anyway), then pruned.
/// </summary>
internal sealed class ReplayStore : IDisposable
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastPrune;

    public ReplayStore(string path, TimeProvider time)
    {
        _time = time;
        _connection = Sqlite.Open(path);
        Sqlite.Execute(_connection, "CREATE TABLE IF NOT EXISTS replay (jti TEXT PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID;"
            + "CREATE INDEX IF NOT EXISTS replay_keep_until ON replay (keep_until);");
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT OR IGNORE INTO replay (jti, keep_until) VALUES ($jti, $keep)";
        _insert.Parameters.Add("$jti", SqliteType.Text);
        _insert.Parameters.Add("$keep", SqliteType.Integer);
        _insert.Prepare();
        Prune();
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return Sqlite.ScalarLong(_connection, "SELECT COUNT(*) FROM replay");
            }
        }
    }

    /// <summary>Records the jti; true the first time, false if it was already accepted (a replay). Atomic.</summary>
    public bool TryConsume(string jti, DateTimeOffset keepUntil)
    {
        ArgumentException.ThrowIfNullOrEmpty(jti);
        lock (_gate)
        {
            if (_time.GetUtcNow() - _lastPrune >= PruneInterval)
            {
                PruneLocked();
            }

            _insert.Parameters[0].Value = jti;
            _insert.Parameters[1].Value = keepUntil.ToUnixTimeSeconds();
            return _insert.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>Deletes jtis whose tokens can no longer be valid; returns how many.</summary>
    public int Prune()
    {
        lock (_gate)
        {
            return PruneLocked();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _insert.Dispose();
            _connection.Dispose();
        }
    }

    private int PruneLocked()
    {
        _lastPrune = _time.GetUtcNow();
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM replay WHERE keep_until < $now";
        delete.Parameters.AddWithValue("$now", _lastPrune.ToUnixTimeSeconds());
        return delete.ExecuteNonQuery();
    }
}
