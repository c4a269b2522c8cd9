using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Web.Kiosks;

/// <summary>
/// What the kiosk page reads, each call in its own database scope (a Blazor circuit lives for hours; a
/// context must not): the snapshot, the 24-hour charts, the events table and its filter choices.
/// </summary>
internal sealed class KioskPageData(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>The kiosk as the page shows it; null when the fleet has never heard of it.</summary>
    public async Task<KioskSnapshot?> SnapshotAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var row = await db.Kiosks.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var alarms = await KioskEndpoints.OpenAlarmsAsync(db, id, cancellationToken).ConfigureAwait(false);
        return KioskSnapshot.From(row, alarms.GetValueOrDefault(id) ?? []);
    }

    public async Task<KioskChartSet> ChartsAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await KioskCharts.Last24HoursAsync(scope.ServiceProvider.GetRequiredService<FleetDb>(), id, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EventLine>> EventsAsync(string id, EventFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await EventQueries.ListAsync(scope.ServiceProvider.GetRequiredService<FleetDb>(), id, filter, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(EventLine.From)];
    }

    public async Task<IReadOnlyList<string>> EventTypesAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await EventQueries.TypesAsync(scope.ServiceProvider.GetRequiredService<FleetDb>(), id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One row of the events table: when, what, which cabin, and the event's other fields as <c>name=value</c> pairs.</summary>
internal sealed record EventLine(long Seq, DateTimeOffset Ts, string Type, string? Door, string Details)
{
    // Shown in their own columns, or bookkeeping an operator does not need.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "id", "seq", "ts", "type", "door", "boot", "epoch" };

    public static EventLine From(EventRow row)
    {
        var fields = KioskViews.Parse(row.Payload) as JsonObject;
        var details = fields is null
            ? ""
            : string.Join(", ", fields.Where(f => !Hidden.Contains(f.Key) && f.Value is not null).Select(f => $"{f.Key}={Text(f.Value!)}"));
        return new EventLine(row.Seq, new DateTimeOffset(row.Ts, TimeSpan.Zero), row.Type, row.Door, details);
    }

    private static string Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
