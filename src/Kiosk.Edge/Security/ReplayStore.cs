using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.Security;

/// <summary>
/// Every jti this kiosk has accepted, in SQLite so a pass stays used across restarts and power cuts.
/// A jti is kept until its token's exp plus the clock skew (after that the token is refused as expired
/// anyway), then pruned by <see cref="ReplayPruner"/>, which also checkpoints the WAL: a scan's
/// <see cref="TryConsume"/> is one insert and one sync, and the door waits for nothing else
/// (docs/deployment.md, "Scan to relay").
/// </summary>
internal sealed class ReplayStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _prune;
    private readonly TimeProvider _time;

    // True while the WAL holds only the pruner's own restart frame (nothing to checkpoint); false after any
    // commit, and after opening (what the WAL holds is not known then).
    private bool _walStartedOver;

    public ReplayStore(string path, TimeProvider time)
    {
        _time = time;
        _connection = Sqlite.Open(path);
        // No index on keep_until: a commit then writes one B-tree page (one WAL frame) instead of two, and the
        // pruner's once-a-minute full scan of a table that holds only unexpired passes costs far less than that.
        // wal_autocheckpoint=0: the pruner checkpoints every minute; SQLite's own checkpoint would otherwise run
        // inside the scan whose commit grows the WAL past 1,000 pages (https://sqlite.org/wal.html#ckpt).
        Sqlite.Execute(_connection, "CREATE TABLE IF NOT EXISTS replay (jti TEXT PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID;"
            + "DROP INDEX IF EXISTS replay_keep_until;"
            + "PRAGMA wal_autocheckpoint=0;");
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT OR IGNORE INTO replay (jti, keep_until) VALUES ($jti, $keep)";
        _insert.Parameters.Add("$jti", SqliteType.Text);
        _insert.Parameters.Add("$keep", SqliteType.Integer);
        _insert.Prepare();
        _prune = _connection.CreateCommand();
        _prune.CommandText = "DELETE FROM replay WHERE keep_until < $now";
        _prune.Parameters.Add("$now", SqliteType.Integer);
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

    /// <summary>
    /// Records the jti; true the first time, false if it was already accepted (a replay). Atomic, and
    /// durable when it returns true (one WAL commit, synchronous=FULL).
    /// </summary>
    public bool TryConsume(string jti, DateTimeOffset keepUntil)
    {
        ArgumentException.ThrowIfNullOrEmpty(jti);
        lock (_gate)
        {
            _insert.Parameters[0].Value = jti;
            _insert.Parameters[1].Value = keepUntil.ToUnixTimeSeconds();
            if (_insert.ExecuteNonQuery() != 1)
            {
                return false;
            }

            _walStartedOver = false;
            return true;
        }
    }

    /// <summary>Deletes jtis whose tokens can no longer be valid; returns how many.</summary>
    public int Prune()
    {
        lock (_gate)
        {
            _prune.Parameters[0].Value = _time.GetUtcNow().ToUnixTimeSeconds();
            var pruned = _prune.ExecuteNonQuery();
            if (pruned > 0)
            {
                _walStartedOver = false;
            }

            return pruned;
        }
    }

    /// <summary>
    /// Copies the WAL's commits into the database file (a passive checkpoint), then starts the WAL over with one
    /// write of its own. This connection has SQLite's automatic checkpoint off (it would run inside a scan), so this
    /// is the only checkpoint while the service runs (closing the connection makes a last one). Returns the WAL
    /// frames not yet copied (0 unless a reader still uses some).
    /// </summary>
    /// <remarks>
    /// The first commit after a complete checkpoint starts the WAL over: it rewrites the WAL header and syncs it
    /// before its own frame, two syncs instead of one (https://sqlite.org/fileformat2.html#wal_file_format; seen
    /// with strace). On a kiosk whose scans are more than a minute apart that was nearly every scan, so the
    /// restart is made here, off the scan path, by rewriting the header's user_version with its own value.
    /// When nothing was committed since, the WAL holds only that frame and nothing is done, so an idle kiosk
    /// does not write every minute.
    /// </remarks>
    public long Checkpoint()
    {
        lock (_gate)
        {
            if (_walStartedOver)
            {
                return 0;
            }

            long busy, frames, copied;
            using (var checkpoint = _connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                using var reader = checkpoint.ExecuteReader();
                reader.Read();
                // Columns: busy, frames in the WAL, frames checkpointed (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
                (busy, frames, copied) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }

            if (busy == 0 && frames == copied)
            {
                var version = Sqlite.ScalarLong(_connection, "PRAGMA user_version");
                Sqlite.Execute(_connection, $"PRAGMA user_version = {version}");
                _walStartedOver = true;
            }

            return frames - copied;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _insert.Dispose();
            _prune.Dispose();
            _connection.Dispose();
        }
    }
}
