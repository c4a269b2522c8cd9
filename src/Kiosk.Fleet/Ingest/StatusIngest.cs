using System.Text.Json;
using Kiosk.Contract.Json;
using Kiosk.Contract.Status;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Ingest;

/// <summary>Birth, will and retained state: the kiosk's latest view, online/offline history and rebuilt kiosks.</summary>
internal static class StatusIngest
{
    public static async Task StatusAsync(IngestContext c, string kioskId, JsonElement o, CancellationToken cancellationToken)
    {
        var status = o.Deserialize(ContractJsonContext.Default.StatusMessage) ?? throw new FormatException("status is null");
        var online = status.Online;
        var ts = status.Ts.UtcDateTime;
        long? boot = status.Boot;
        var kiosk = await c.KioskAsync(kioskId, cancellationToken).ConfigureAwait(false);
        if (online)
        {
            var epoch = Payloads.Epoch(o);
            if (epoch is not null && kiosk.Epoch is not null && epoch != kiosk.Epoch)
            {
                // Board or SD card replaced: seq and boot start again; not a gap, not a fault.
                kiosk.HighestSeq = 0;
                kiosk.RevocationsDelivered = 0;
                await c.Db.SeqGaps.Where(g => g.KioskId == kioskId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            var changed = !kiosk.Online || kiosk.Boot != boot || (epoch is not null && epoch != kiosk.Epoch);
            kiosk.Epoch = epoch ?? kiosk.Epoch;
            kiosk.Boot = boot;
            kiosk.Online = true;
            kiosk.Version = status.Version ?? kiosk.Version;
            if (status.Station is { } station && o.TryGetProperty("station", out var raw))
            {
                // Kept as received: fields a newer kiosk adds reach the API unchanged.
                kiosk.Station = raw.GetRawText();
                kiosk.District = Payloads.String(raw, "district") ?? DistrictOf(station.Code);
            }

            kiosk.LastSeen = Later(kiosk.LastSeen, ts);
            if (changed)
            {
                await RecordAsync(c, kioskId, true, ts, boot, cancellationToken).ConfigureAwait(false);
                await AlarmStore.CloseAsync(c.Db, kioskId, AlarmRules.Offline, null, c.Now, cancellationToken).ConfigureAwait(false);
                c.CameOnline.Add(kioskId);
            }

            return;
        }

        // A will from an older boot can arrive after the new boot's birth: ignore it.
        if (boot is not null && kiosk.Boot is not null && boot < kiosk.Boot)
        {
            return;
        }

        if (kiosk.Online)
        {
            kiosk.Online = false;
            kiosk.LastSeen = Later(kiosk.LastSeen, c.Now);
            await RecordAsync(c, kioskId, false, c.Now, boot, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task StateAsync(IngestContext c, string kioskId, JsonElement o, string raw, CancellationToken cancellationToken)
    {
        // Only the time is needed here; the state is kept as received (every section, known or not).
        var ts = Payloads.Time(o, "ts") ?? throw new FormatException("state without an RFC 3339 ts");
        var kiosk = await c.KioskAsync(kioskId, cancellationToken).ConfigureAwait(false);
        if (kiosk.StateTs is { } previous && previous > ts)
        {
            return;
        }

        kiosk.State = raw;
        kiosk.StateTs = ts;
        kiosk.LastSeen = Later(kiosk.LastSeen, ts);
    }

    /// <summary>The district a station code names: the part before the first '-' (<c>TYYZ-0007</c> -> <c>TYYZ</c>).</summary>
    internal static string? DistrictOf(string? code) =>
        string.IsNullOrEmpty(code) ? null : code.Split('-')[0];

    private static DateTime Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;

    private static async Task RecordAsync(IngestContext c, string kioskId, bool online, DateTime ts, long? boot, CancellationToken cancellationToken)
    {
        // Every instance sees status (retained, not shared): the unique index makes the second copy a no-op.
        var exists = c.Db.StatusChanges.Local.Any(s => s.KioskId == kioskId && s.Ts == ts && s.Online == online)
            || await c.Db.StatusChanges.AnyAsync(s => s.KioskId == kioskId && s.Ts == ts && s.Online == online, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            c.Db.StatusChanges.Add(new StatusChange { KioskId = kioskId, Online = online, Ts = ts, Boot = boot });
        }
    }
}
