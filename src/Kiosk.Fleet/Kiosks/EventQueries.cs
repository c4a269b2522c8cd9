using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary>Stored events of one kiosk, shared by <c>GET /api/kiosks/{id}/events</c> and the console's events table.</summary>
internal static class EventQueries
{
    /// <summary>The events matching <paramref name="filter"/>, newest first (by time, then <c>seq</c>).</summary>
    public static Task<List<EventRow>> ListAsync(FleetDb db, string id, EventFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Events.AsNoTracking().Where(e => e.KioskId == id);
        if (filter.Since is { } f)
        {
            query = query.Where(e => e.Ts >= f);
        }

        if (filter.Until is { } t)
        {
            query = query.Where(e => e.Ts < t);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(e => e.Type == filter.Type);
        }

        if (!string.IsNullOrEmpty(filter.Door))
        {
            query = query.Where(e => e.Door == filter.Door);
        }

        return query.OrderByDescending(e => e.Ts).ThenByDescending(e => e.Seq)
            .Take(Math.Clamp(filter.Limit, 1, EventFilter.MaxLimit))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The event types this kiosk has stored, sorted ordinally (the choices of the type filter).</summary>
    public static async Task<List<string>> TypesAsync(FleetDb db, string id, CancellationToken cancellationToken)
    {
        var types = await db.Events.AsNoTracking().Where(e => e.KioskId == id).Select(e => e.Type).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        types.Sort(StringComparer.Ordinal);
        return types;
    }
}
