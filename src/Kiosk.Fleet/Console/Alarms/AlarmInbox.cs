using System.Security.Claims;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;
using Kiosk.Fleet.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Web.Alarms;

/// <summary>
/// The alarm inbox over the fleet's alarm store: open alarms newest first, filtered; acknowledgement
/// records who and when (as <c>POST /api/alarms/{id}/ack</c> does) and tells every live page.
/// </summary>
internal sealed class AlarmInbox(IServiceScopeFactory scopes, FleetChanges changes, TimeProvider time)
{
    /// <summary>Open alarms (not closed; unacknowledged unless the filter includes acknowledged ones), newest first, at most 500.</summary>
    public async Task<IReadOnlyList<InboxAlarm>> ListAsync(InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var query = db.Alarms.AsNoTracking().Where(a => a.Closed == null);
        if (!filter.IncludeAcknowledged)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(a => a.Type == filter.Type);
        }

        if (!string.IsNullOrEmpty(filter.KioskId))
        {
            query = query.Where(a => a.KioskId == filter.KioskId);
        }

        var rows = await query.OrderByDescending(a => a.Raised).ThenByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.KioskId).Distinct().ToList();
        var names = (await db.Kiosks.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Station }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(k => k.Id, k => (KioskViews.Parse(k.Station) as JsonObject)?["name"]?.ToString());
        return [.. rows
            .Select(a => new InboxAlarm(a.Id, a.KioskId, names.GetValueOrDefault(a.KioskId), a.Type, AlarmNames.Severity(a.Type), new DateTimeOffset(a.Raised, TimeSpan.Zero), a.Detail, a.AcknowledgedBy, a.AcknowledgedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null))
            .Where(a => filter.Severity is null || a.Severity == filter.Severity)];
    }

    /// <summary>The alarm types and kiosks that have open alarms (the filter's choices).</summary>
    public async Task<(IReadOnlyList<string> Types, IReadOnlyList<string> Kiosks)> ChoicesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var open = await db.Alarms.AsNoTracking().Where(a => a.Closed == null).Select(a => new { a.Type, a.KioskId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return ([.. open.Select(a => a.Type).Distinct().Order(StringComparer.Ordinal)], [.. open.Select(a => a.KioskId).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Acknowledges as <paramref name="user"/>, who must be allowed to operate (checked by the caller through <see cref="Accounts.ConsoleAccess"/>).</summary>
    /// <returns>Null when done, else why not (unknown, or acknowledged before and by whom).</returns>
    public async Task<string?> AcknowledgeAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var who = user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var (alarm, refusal) = await AlarmStore.AcknowledgeAsync(db, id, who, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return refusal!.Message;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        changes.Publish(FleetChange.Of(FleetChangeKinds.Alarms, alarm.KioskId));
        return null;
    }
}
