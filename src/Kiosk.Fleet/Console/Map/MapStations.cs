using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Web.Map;

/// <summary>The map's stations: every kiosk with its position and state (offline, alarm, online).</summary>
internal sealed class MapStations(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<MapStation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var kiosks = await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.Id, k.Online, k.Station }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var alarms = await KioskEndpoints.OpenAlarmsAsync(db, null, cancellationToken).ConfigureAwait(false);
        return [.. kiosks.Select(k =>
        {
            var open = alarms.GetValueOrDefault(k.Id) ?? [];
            var state = !k.Online ? StationState.Offline : open.Count > 0 ? StationState.Alarm : StationState.Online;
            var station = KioskViews.Parse(k.Station) as JsonObject;
            return new MapStation(k.Id, Text(station, "code"), Text(station, "name"), Text(station, "address"), Number(station, "latitude"), Number(station, "longitude"), state, open);
        })];
    }

    private static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}
