using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Ingest;

/// <summary>One ingest transaction: the database context and the rows this batch already touched.</summary>
internal sealed class IngestContext(FleetDb db, DateTime now)
{
    private readonly Dictionary<string, KioskRow> _kiosks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, int, DateTime), TelemetryRollup> _rollups = [];

    public FleetDb Db { get; } = db;

    public DateTime Now { get; } = now;

    public HashSet<(string Kiosk, string Id)> EventIds { get; } = [];

    /// <summary>The <c>ts</c> of each event this batch stores: the ingest lag is measured from it once committed.</summary>
    public List<DateTime> EventTimes { get; } = [];

    /// <summary>Kiosks that came online (or were rebuilt) in this batch: revocations may be due.</summary>
    public HashSet<string> CameOnline { get; } = new(StringComparer.Ordinal);

    public async Task<KioskRow> KioskAsync(string id, CancellationToken cancellationToken)
    {
        if (_kiosks.TryGetValue(id, out var row))
        {
            return row;
        }

        row = await Db.Kiosks.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new KioskRow { Id = id };
            Db.Kiosks.Add(row);
        }

        _kiosks[id] = row;
        return row;
    }

    public async Task<TelemetryRollup> RollupAsync(string kiosk, string key, int step, DateTime bucket, CancellationToken cancellationToken)
    {
        var k = (kiosk, key, step, bucket);
        if (_rollups.TryGetValue(k, out var row))
        {
            return row;
        }

        row = await Db.TelemetryRollups.FirstOrDefaultAsync(r => r.KioskId == kiosk && r.Key == key && r.StepSeconds == step && r.Bucket == bucket, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new TelemetryRollup { KioskId = kiosk, Key = key, StepSeconds = step, Bucket = bucket, Min = double.MaxValue, Max = double.MinValue };
            Db.TelemetryRollups.Add(row);
        }

        _rollups[k] = row;
        return row;
    }
}
