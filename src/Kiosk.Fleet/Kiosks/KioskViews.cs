using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Kiosks;

/// <summary>Kiosk rows as the API shows them.</summary>
internal static class KioskViews
{
    public static KioskSummary Summary(KioskRow k, IReadOnlyList<string> openAlarms)
    {
        var state = Parse(k.State);
        return new KioskSummary(
            k.Id,
            k.Online,
            k.LastSeen is { } seen ? new DateTimeOffset(seen) : null,
            k.Boot,
            k.Epoch,
            k.Version,
            k.District,
            Parse(k.Station),
            state?["doors"]?.DeepClone(),
            state?["occupancy"]?.DeepClone(),
            state?["circuits"]?.DeepClone(),
            openAlarms);
    }

    public static KioskDetail Detail(KioskRow k, IReadOnlyList<string> openAlarms) => new(
        Summary(k, openAlarms),
        Parse(k.State),
        k.StateTs is { } ts ? new DateTimeOffset(ts) : null,
        k.LastTelemetry is { } t ? new DateTimeOffset(t) : null);

    /// <summary>The door ids (cabins) the kiosk announced in its birth message; empty when unknown.</summary>
    public static IReadOnlyList<string> Doors(KioskRow k) =>
        Parse(k.Station)?["cabins"] is JsonArray cabins
            ? [.. cabins.Select(c => c?["id"]?.GetValueKind() == JsonValueKind.String ? c["id"]!.GetValue<string>() : null).OfType<string>()]
            : [];

    public static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
