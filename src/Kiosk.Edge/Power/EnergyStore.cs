using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.Power;

/// <summary>
/// What the guard keeps across restarts, per circuit: energy (Wh), an operator's manual on/off,
/// and a lockout (a restart must not clear a lockout only an operator may clear).
/// </summary>
internal sealed class EnergyStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;

    public EnergyStore(string path)
    {
        _db = Sqlite.Open(path);
        Sqlite.Execute(_db, """
            CREATE TABLE IF NOT EXISTS circuits (
                id TEXT PRIMARY KEY,
                wh REAL NOT NULL,
                manual INTEGER NULL,
                locked_out INTEGER NOT NULL);
            """);
    }

    public Dictionary<string, CircuitRecord> Load()
    {
        var records = new Dictionary<string, CircuitRecord>(StringComparer.Ordinal);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id, wh, manual, locked_out FROM circuits";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                records[id] = new CircuitRecord(
                    id,
                    reader.GetDouble(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2) != 0,
                    reader.GetInt64(3) != 0);
            }
        }

        return records;
    }

    public void Save(IEnumerable<CircuitRecord> records)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            foreach (var r in records)
            {
                using var cmd = _db.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = """
                    INSERT INTO circuits(id, wh, manual, locked_out) VALUES ($id, $wh, $manual, $locked)
                    ON CONFLICT(id) DO UPDATE SET wh = excluded.wh, manual = excluded.manual, locked_out = excluded.locked_out
                    """;
                cmd.Parameters.AddWithValue("$id", r.Id);
                cmd.Parameters.AddWithValue("$wh", r.WattHours);
                cmd.Parameters.AddWithValue("$manual", r.Manual is { } m ? (m ? 1 : 0) : DBNull.Value);
                cmd.Parameters.AddWithValue("$locked", r.LockedOut ? 1 : 0);
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public void Dispose() => _db.Dispose();
}
