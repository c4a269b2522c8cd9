using Kiosk.Contract.Events;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Ingest;

/// <summary>Kiosk events: stored once (kiosk + event id), seq gaps noted, alarms raised and closed.</summary>
internal static class EventIngest
{
    /// <returns>False when the event was already stored (a redelivery).</returns>
    public static async Task<bool> EventAsync(IngestContext c, string kioskId, byte[] payload, string raw, CancellationToken cancellationToken)
    {
        if (!KioskEventMessage.TryParse(payload, out var message, out var error))
        {
            throw new FormatException(error);
        }

        // Stored whatever the body: a type this version does not know is kept as received.
        var (id, seq, eventTs, type) = message.Envelope;
        if (id.Length > 128 || type.Length > 64)
        {
            throw new FormatException("event id longer than 128 or type longer than 64 characters");
        }

        var o = message.Raw;

        if (!c.EventIds.Add((kioskId, id))
            || await c.Db.Events.AnyAsync(e => e.KioskId == kioskId && e.EventId == id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var ts = eventTs.UtcDateTime;
        c.EventTimes.Add(ts);
        var door = Payloads.String(o, "door");
        c.Db.Events.Add(new EventRow
        {
            KioskId = kioskId,
            EventId = id,
            Seq = seq,
            Ts = ts,
            Type = type,
            Sub = Truncate(Payloads.String(o, "sub"), 128),
            Door = Truncate(door, 64),
            Payload = raw,
            Received = c.Now,
        });

        var kiosk = await c.KioskAsync(kioskId, cancellationToken).ConfigureAwait(false);
        if (kiosk.HighestSeq > 0 && seq > kiosk.HighestSeq + 1)
        {
            // Possibly only reordered (several instances, redelivery): confirmed by GapWatcher after a grace period.
            c.Db.SeqGaps.Add(new SeqGap { KioskId = kioskId, FromSeq = kiosk.HighestSeq + 1, ToSeq = seq - 1, Detected = c.Now });
        }

        kiosk.HighestSeq = Math.Max(kiosk.HighestSeq, seq);
        kiosk.LastSeen = kiosk.LastSeen is { } seen && seen > ts ? seen : ts;

        var subject = door ?? Payloads.String(o, "circuit");
        if (AlarmRules.Raises(type))
        {
            AlarmStore.Raise(c.Db, kioskId, type, ts, subject, id);
        }

        foreach (var cleared in AlarmRules.Clears(type))
        {
            await AlarmStore.CloseAsync(c.Db, kioskId, cleared, subject, ts, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
