using System.Text;
using Kiosk.Contract.Events;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Events;

/// <summary>
/// The durable, bounded event store: the audit trail of every decision and the MQTT outbox.
/// Every event gets the next per-kiosk sequence number, which survives restarts. An event stays
/// pending until the publisher marks it published (after the broker's PUBACK).
/// </summary>
internal sealed class EventJournal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;
    private readonly EventJournalOptions _options;
    private long _pendingCount;
    private long _pendingBytes;
    private long _dropped;

    public EventJournal(IOptions<KioskOptions> kiosk, IOptions<EventJournalOptions> options, TimeProvider time)
        : this(Path.Combine(kiosk.Value.StateDirectory, "events.db"), options.Value, time)
    {
    }

    internal EventJournal(string path, EventJournalOptions options, TimeProvider time)
    {
        _time = time;
        _options = options;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _db = Sqlite.Open(path);
        Sqlite.Execute(_db, """
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL,
                ts TEXT NOT NULL,
                type TEXT NOT NULL,
                json TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                published INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS events_pending ON events(published, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS installation (epoch TEXT NOT NULL);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('boot', 0), ('dropped', 0);
            UPDATE meta SET value = value + 1 WHERE key = 'boot';
            """);
        Boot = Sqlite.ScalarLong(_db, "SELECT value FROM meta WHERE key = 'boot'");
        Epoch = LoadOrCreateEpoch(_db);
        _dropped = Sqlite.ScalarLong(_db, "SELECT value FROM meta WHERE key = 'dropped'");
        _pendingCount = Sqlite.ScalarLong(_db, "SELECT COUNT(*) FROM events WHERE published = 0");
        _pendingBytes = Sqlite.ScalarLong(_db, "SELECT COALESCE(SUM(bytes), 0) FROM events WHERE published = 0");
    }

    /// <summary>Raised after an event is durably stored (outside the store's lock).</summary>
    public event Action<KioskEvent>? Appended;

    /// <summary>How many times the service has started on this state directory.</summary>
    public long Boot { get; }

    /// <summary>
    /// The installation epoch: 32 random hex digits made when this journal (the state directory) is created, carried
    /// by birth, offline and every event. A rebuilt board or a fresh SD card gets a new one, so a backend can tell a
    /// rebuilt kiosk (new epoch; boot and seq from 1) from a stale will or a duplicate (same epoch).
    /// </summary>
    public string Epoch { get; }

    public long PendingCount => Interlocked.Read(ref _pendingCount);

    /// <summary>Events dropped unpublished because the offline bound was reached, since the store was created.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return Sqlite.ScalarLong(_db, "SELECT COALESCE(MAX(seq), 0) FROM events");
            }
        }
    }

    /// <summary>Stores <paramref name="body"/> as the next event (typed, serialized by Kiosk.Contract) and returns it.</summary>
    public KioskEvent Append(KioskEventBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Store(body.Type, body, (id, seq, ts) => Encoding.UTF8.GetString(KioskEventWriter.Serialize(new EventEnvelope(id, seq, ts, body.Type) { Epoch = Epoch }, body)));
    }

    private KioskEvent Store(string type, KioskEventBody body, Func<string, long, DateTimeOffset, string> serialize)
    {
        var ts = _time.GetUtcNow();
        var id = Guid.CreateVersion7(ts).ToString("N");
        KioskEvent stored;
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var insert = _db.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO events(id, ts, type, json, bytes) VALUES ($id, $ts, $type, '', 0) RETURNING seq";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$ts", KioskEvent.FormatTimestamp(ts));
            insert.Parameters.AddWithValue("$type", type);
            var seq = (long)insert.ExecuteScalar()!;
            var json = serialize(id, seq, ts);

            stored = new KioskEvent(seq, id, ts, type, body, json);
            var bytes = Encoding.UTF8.GetByteCount(json);
            using var update = _db.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE events SET json = $json, bytes = $bytes WHERE seq = $seq";
            update.Parameters.AddWithValue("$json", json);
            update.Parameters.AddWithValue("$bytes", bytes);
            update.Parameters.AddWithValue("$seq", seq);
            update.ExecuteNonQuery();
            _pendingCount++;
            _pendingBytes += bytes;
            EnforceBounds(tx);
            tx.Commit();
        }

        Appended?.Invoke(stored);
        return stored;
    }

    /// <summary>The oldest unpublished events, in sequence order.</summary>
    public IReadOnlyList<KioskEvent> ReadPending(int max) =>
        Read("SELECT seq, id, ts, type, json FROM events WHERE published = 0 ORDER BY seq LIMIT $max", 0, max);

    /// <summary>Stored events (published or not) after <paramref name="afterSeq"/>, in sequence order.</summary>
    public IReadOnlyList<KioskEvent> ReadAfter(long afterSeq, int max) =>
        Read("SELECT seq, id, ts, type, json FROM events WHERE seq > $after ORDER BY seq LIMIT $max", afterSeq, max);

    /// <summary>Marks an event delivered (the broker acknowledged it) so it leaves the outbox.</summary>
    public void MarkPublished(long seq)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE events SET published = 1 WHERE seq = $seq AND published = 0 RETURNING bytes";
            cmd.Parameters.AddWithValue("$seq", seq);
            if (cmd.ExecuteScalar() is long bytes)
            {
                _pendingCount--;
                _pendingBytes -= bytes;
            }

            using var prune = _db.CreateCommand();
            prune.Transaction = tx;
            prune.CommandText = """
                DELETE FROM events WHERE published = 1 AND seq <= (
                  SELECT seq FROM events WHERE published = 1 ORDER BY seq DESC LIMIT 1 OFFSET $keep)
                """;
            prune.Parameters.AddWithValue("$keep", _options.AuditRetention);
            prune.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public void Dispose() => _db.Dispose();

    private void EnforceBounds(SqliteTransaction tx)
    {
        while (_pendingCount > _options.MaxPendingEvents || _pendingBytes > _options.MaxPendingBytes)
        {
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                DELETE FROM events WHERE seq = (SELECT MIN(seq) FROM events WHERE published = 0) RETURNING bytes
                """;
            if (cmd.ExecuteScalar() is not long bytes)
            {
                return;
            }

            _pendingCount--;
            _pendingBytes -= bytes;
            _dropped++;
            using var meta = _db.CreateCommand();
            meta.Transaction = tx;
            meta.CommandText = "UPDATE meta SET value = value + 1 WHERE key = 'dropped'";
            meta.ExecuteNonQuery();
        }
    }

    private List<KioskEvent> Read(string sql, long after, int max)
    {
        var list = new List<KioskEvent>();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$after", after);
            cmd.Parameters.AddWithValue("$max", max);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var json = reader.GetString(4);
                KioskEventMessage.TryParse(Encoding.UTF8.GetBytes(json), out var message, out _);
                list.Add(new KioskEvent(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                    reader.GetString(3),
                    message?.Body,
                    json));
            }
        }

        return list;
    }

    /// <summary>The stored epoch; a journal created before epochs existed gets one at its first start after the upgrade.</summary>
    private static string LoadOrCreateEpoch(SqliteConnection db)
    {
        using var tx = db.BeginTransaction();
        using var select = db.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT epoch FROM installation LIMIT 1";
        if (select.ExecuteScalar() is string existing)
        {
            return existing;
        }

        var epoch = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO installation(epoch) VALUES ($epoch)";
        insert.Parameters.AddWithValue("$epoch", epoch);
        insert.ExecuteNonQuery();
        tx.Commit();
        return epoch;
    }
}
