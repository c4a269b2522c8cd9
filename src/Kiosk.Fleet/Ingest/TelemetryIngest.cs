using System.Text.Json;
using Kiosk.Contract.Json;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Ingest;

/// <summary>Telemetry <c>{"ts","values":{key:number}}</c>: raw samples plus 1-minute and 1-hour rollups.</summary>
internal static class TelemetryIngest
{
    public static readonly int[] Steps = [60, 3600];

    public static async Task TelemetryAsync(IngestContext c, string kioskId, JsonElement o, CancellationToken cancellationToken)
    {
        var message = o.Deserialize(ContractJsonContext.Default.TelemetryMessage) ?? throw new FormatException("telemetry is null");
        var ts = message.Ts.UtcDateTime;

        var kiosk = await c.KioskAsync(kioskId, cancellationToken).ConfigureAwait(false);
        kiosk.LastTelemetry = kiosk.LastTelemetry is { } last && last > ts ? last : ts;
        kiosk.LastSeen = kiosk.LastSeen is { } seen && seen > ts ? seen : ts;
        foreach (var (key, v) in message.Values)
        {
            if (key.Length is 0 or > 128 || !double.IsFinite(v))
            {
                continue;
            }

            c.Db.Telemetry.Add(new TelemetrySample { KioskId = kioskId, Key = key, Ts = ts, Value = v });
            foreach (var step in Steps)
            {
                var rollup = await c.RollupAsync(kioskId, key, step, Bucket(ts, step), cancellationToken).ConfigureAwait(false);
                rollup.Count++;
                rollup.Sum += v;
                rollup.Min = Math.Min(rollup.Min, v);
                rollup.Max = Math.Max(rollup.Max, v);
            }
        }

        await AlarmStore.CloseAsync(c.Db, kioskId, AlarmRules.NoTelemetry, null, c.Now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The start of the bucket of <paramref name="stepSeconds"/> holding <paramref name="ts"/>.</summary>
    public static DateTime Bucket(DateTime ts, int stepSeconds) =>
        new(ts.Ticks - (ts.Ticks % (stepSeconds * TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
}
