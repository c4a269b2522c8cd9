using Kiosk.Edge.Configuration;
using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging.Events;

/// <summary>How many outbox drops have already been reported as <c>events.dropped</c>, durable across restarts.</summary>
internal sealed class DropReportStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;

    public DropReportStore(IOptions<KioskOptions> kiosk)
        : this(Path.Combine(kiosk.Value.StateDirectory, "mqtt-outbox.db"))
    {
    }

    internal DropReportStore(string path)
    {
        _db = Sqlite.Open(path);
        Sqlite.Execute(_db, """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('reported_drops', 0);
            """);
    }

    public long Reported
    {
        get
        {
            lock (_gate)
            {
                return Sqlite.ScalarLong(_db, "SELECT value FROM meta WHERE key = 'reported_drops'");
            }
        }

        set
        {
            lock (_gate)
            {
                using var cmd = _db.CreateCommand();
                cmd.CommandText = "UPDATE meta SET value = $v WHERE key = 'reported_drops'";
                cmd.Parameters.AddWithValue("$v", value);
                cmd.ExecuteNonQuery();
            }
        }
    }

    public void Dispose() => _db.Dispose();
}
