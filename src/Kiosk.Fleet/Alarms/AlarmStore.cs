using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Alarms;

/// <summary>Raising and closing alarm rows inside the caller's transaction.</summary>
internal static class AlarmStore
{
    public static AlarmRow Raise(FleetDb db, string kioskId, string type, DateTime raised, string? detail, string? sourceEventId)
    {
        var row = new AlarmRow { KioskId = kioskId, Type = type, Raised = raised, Detail = detail, SourceEventId = sourceEventId };
        db.Alarms.Add(row);
        return row;
    }

    /// <summary>Raises a condition alarm (offline, no telemetry) unless one of that type is still open for the kiosk.</summary>
    public static async Task<bool> RaiseOnceAsync(FleetDb db, string kioskId, string type, DateTime raised, string? detail, CancellationToken cancellationToken)
    {
        if (await db.Alarms.AnyAsync(a => a.KioskId == kioskId && a.Type == type && a.Closed == null, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Raise(db, kioskId, type, raised, detail, null);
        return true;
    }

    /// <summary>Closes the open alarms of a type for a kiosk; with <paramref name="detail"/>, only those about that door or circuit.</summary>
    public static async Task CloseAsync(FleetDb db, string kioskId, string type, string? detail, DateTime closed, CancellationToken cancellationToken)
    {
        var open = await db.Alarms.Where(a => a.KioskId == kioskId && a.Type == type && a.Closed == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        open.AddRange(db.Alarms.Local.Where(a => a.KioskId == kioskId && a.Type == type && a.Closed == null && a.Id == 0));
        foreach (var alarm in open.Where(a => detail is null || a.Detail is null || a.Detail == detail))
        {
            alarm.Closed = closed;
        }
    }

    /// <summary>
    /// Records who acknowledged an alarm and when; alarms with no clearing event close with it
    /// (<see cref="AlarmRules.ClosesOnAck"/>). The caller saves.
    /// </summary>
    /// <returns>The alarm, or null and why not: unknown id, or acknowledged before (by whom).</returns>
    public static async Task<(AlarmRow? Alarm, AckRefusal? Refusal)> AcknowledgeAsync(FleetDb db, long id, string? who, DateTime now, CancellationToken cancellationToken)
    {
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return (null, new AckRefusal(false, $"alarm {id} is unknown"));
        }

        if (alarm.AcknowledgedAt is not null)
        {
            return (null, new AckRefusal(true, $"alarm {id} was already acknowledged by {alarm.AcknowledgedBy}"));
        }

        alarm.AcknowledgedBy = who;
        alarm.AcknowledgedAt = now;
        if (AlarmRules.ClosesOnAck(alarm.Type) || alarm.Closed is not null)
        {
            alarm.Closed ??= now;
        }

        return (alarm, null);
    }
}

/// <summary>Why an acknowledgement was refused: <paramref name="Conflict"/> when the alarm exists but was acknowledged before.</summary>
internal sealed record AckRefusal(bool Conflict, string Message);
