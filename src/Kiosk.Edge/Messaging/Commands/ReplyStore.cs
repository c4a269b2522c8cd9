using System.Text.Json.Nodes;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// Recent request ids and their replies (SQLite, bounded by age and count), so a resent command
/// gets the same reply instead of a second action, also across restarts.
/// </summary>
internal sealed class ReplyStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _capacity;

    public ReplyStore(IOptions<KioskOptions> kiosk, IOptions<MqttOptions> options, TimeProvider time)
        : this(Path.Combine(kiosk.Value.StateDirectory, "command-replies.db"), options.Value.Commands, time)
    {
    }

    internal ReplyStore(string path, MqttCommandsOptions options, TimeProvider time)
    {
        _time = time;
        _retention = options.ReplyRetention;
        _capacity = options.ReplyCapacity;
        _db = Sqlite.Open(path);
        Sqlite.Execute(_db, """
            CREATE TABLE IF NOT EXISTS replies (id TEXT PRIMARY KEY, at INTEGER NOT NULL, reply TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS replies_at ON replies(at);
            """);
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return Sqlite.ScalarLong(_db, "SELECT COUNT(*) FROM replies");
            }
        }
    }

    /// <summary>The stored reply for <paramref name="requestId"/>, if it is younger than the retention.</summary>
    public JsonObject? Find(string requestId)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT reply FROM replies WHERE id = $id AND at >= $oldest";
            cmd.Parameters.AddWithValue("$id", requestId);
            cmd.Parameters.AddWithValue("$oldest", Oldest());
            return cmd.ExecuteScalar() is string json ? JsonNode.Parse(json)!.AsObject() : null;
        }
    }

    public void Save(string requestId, JsonObject reply)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var insert = _db.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT OR REPLACE INTO replies(id, at, reply) VALUES ($id, $at, $reply)";
            insert.Parameters.AddWithValue("$id", requestId);
            insert.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$reply", reply.ToJsonString());
            insert.ExecuteNonQuery();

            using var prune = _db.CreateCommand();
            prune.Transaction = tx;
            prune.CommandText = """
                DELETE FROM replies WHERE at < $oldest;
                DELETE FROM replies WHERE id IN (SELECT id FROM replies ORDER BY at DESC, rowid DESC LIMIT -1 OFFSET $capacity);
                """;
            prune.Parameters.AddWithValue("$oldest", Oldest());
            prune.Parameters.AddWithValue("$capacity", _capacity);
            prune.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public void Dispose() => _db.Dispose();

    private long Oldest() => (_time.GetUtcNow() - _retention).ToUnixTimeMilliseconds();
}
