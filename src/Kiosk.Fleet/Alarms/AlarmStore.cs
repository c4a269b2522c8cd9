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
}
