using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// The last good time in the state directory (<c>trusted-time.db</c>, one row, Unix milliseconds).
/// A save never lowers the stored value: the floor is monotonic across restarts too.
/// </summary>
internal sealed class TrustedTimeStore : IDisposable
{
    public const string FileName = "trusted-time.db";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;

    public TrustedTimeStore(string path)
    {
        _db = Sqlite.Open(path);
        Sqlite.Execute(_db, "CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY CHECK (id = 1), unix_ms INTEGER NOT NULL);");
    }

    public DateTimeOffset? Load()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT unix_ms FROM floor WHERE id = 1";
            return cmd.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
    }

    public void Save(DateTimeOffset time)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO floor (id, unix_ms) VALUES (1, $ms) ON CONFLICT (id) DO UPDATE SET unix_ms = max(unix_ms, excluded.unix_ms)";
            cmd.Parameters.AddWithValue("$ms", time.ToUnixTimeMilliseconds());
            cmd.ExecuteNonQuery();
        }
    }

    public void Dispose() => _db.Dispose();
}
