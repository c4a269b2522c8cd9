using System.Text.Json;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// One kiosk as the console's kiosk page shows it: its station, each cabin (door and occupancy joined by
/// cabin id), each circuit and the cabin climate, read from the latest retained <c>state</c> (contract
/// section 3) with the typed contract. A section the kiosk has not reported is empty (climate: null).
/// </summary>
internal sealed record KioskSnapshot(
    string Id,
    bool Online,
    DateTimeOffset? LastSeen,
    DateTimeOffset? StateTs,
    string? Code,
    string? Name,
    string? Address,
    string? District,
    IReadOnlyList<CabinView> Cabins,
    IReadOnlyList<CircuitView> Circuits,
    IReadOnlyList<CabinClimateView>? Climate,
    double? CpuCelsius,
    bool HelpPending,
    IReadOnlyList<string> Alarms)
{
    public static KioskSnapshot From(KioskRow row, IReadOnlyList<string> openAlarms)
    {
        var station = KioskViews.Parse(row.Station);
        var state = ParseState(row.State);
        var doors = state?.Doors ?? new Dictionary<string, DoorState>();
        var occupancy = state?.Occupancy?.Cabins ?? new Dictionary<string, CabinOccupancy>();

        // Cabin order: as the station announced them, then any the state names beyond those.
        var ids = KioskViews.Doors(row).Concat(doors.Keys).Concat(occupancy.Keys).Distinct(StringComparer.Ordinal).ToList();
        var cabins = ids.Select(id =>
        {
            var door = doors.GetValueOrDefault(id);
            var people = occupancy.GetValueOrDefault(id);
            return new CabinView(id, door?.Lock, door?.Contact, door?.Mode, door?.Alarm, people?.Count, people?.Capacity ?? StationCapacity(station, id), people?.Full ?? false);
        }).ToList();

        var circuits = (state?.Circuits ?? new Dictionary<string, CircuitState>())
            .Select(c => new CircuitView(c.Key, c.Value.On, c.Value.Watts, c.Value.Limit, c.Value.Tripped, c.Value.LockedOut, c.Value.Shed, c.Value.Fault, c.Value.Manual))
            .ToList();

        var climate = state?.Climate?.Cabins
            .Select(c => new CabinClimateView(c.Key, c.Value.Celsius, c.Value.Humidity, c.Value.Co2, c.Value.Fault ?? c.Value.Co2Fault, c.Value.Alarms))
            .ToList();

        return new KioskSnapshot(
            row.Id,
            row.Online,
            row.LastSeen is { } seen ? new DateTimeOffset(seen, TimeSpan.Zero) : null,
            row.StateTs is { } ts ? new DateTimeOffset(ts, TimeSpan.Zero) : null,
            Text(station, "code"),
            Text(station, "name"),
            Text(station, "address"),
            row.District,
            cabins,
            circuits,
            climate,
            state?.Climate?.Cpu.Celsius,
            state?.Intercom?.Help.Pending ?? false,
            openAlarms);
    }

    /// <summary>
    /// The state's sections parsed with the contract types, one by one: a section that does not parse is left
    /// out (the page then shows it empty) and the others still show, where reading <see cref="KioskState"/> as a
    /// whole would lose them all to one malformed section.
    /// </summary>
    internal static KioskState? ParseState(string? json)
    {
        if (KioskViews.Parse(json) is not System.Text.Json.Nodes.JsonObject o)
        {
            return null;
        }

        var c = ContractJsonContext.Default;
        return new KioskState
        {
            Circuits = Section(o, "circuits", c.DictionaryStringCircuitState),
            Doors = Section(o, "doors", c.DictionaryStringDoorState),
            Occupancy = Section(o, "occupancy", c.OccupancyState),
            Climate = Section(o, "climate", c.ClimateState),
            Intercom = Section(o, "intercom", c.IntercomState),
        };
    }

    private static T? Section<T>(System.Text.Json.Nodes.JsonObject state, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        try
        {
            return state[name]?.Deserialize(info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? station, string name) =>
        station?[name] is { } v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int? StationCapacity(System.Text.Json.Nodes.JsonNode? station, string cabin) =>
        station?["cabins"] is System.Text.Json.Nodes.JsonArray all
        && all.FirstOrDefault(c => c?["id"]?.GetValueKind() == JsonValueKind.String && c["id"]!.GetValue<string>() == cabin)?["capacity"] is { } cap
        && cap.GetValueKind() == JsonValueKind.Number
            ? cap.GetValue<int>()
            : null;
}

/// <summary>A cabin: its door (<c>lock</c> locked/unlocked, <c>contact</c> open/closed, <c>mode</c>, <c>alarm</c> held_open/forced_open) and people inside against capacity; null where the kiosk has not said.</summary>
public sealed record CabinView(string Id, string? Lock, string? Contact, string? Mode, string? Alarm, int? Count, int? Capacity, bool Full);

/// <summary>A power circuit: relay on, draw now (W), limit (W), trip/lockout/shed, meter fault, manual override (<c>on</c>/<c>off</c>).</summary>
public sealed record CircuitView(string Id, bool On, double Watts, double Limit, bool Tripped, bool LockedOut, bool Shed, string? Fault, string? Manual);

/// <summary>A cabin's air: °C, % relative humidity, CO2 ppm (null when not measured), a sensor fault, active climate alarms.</summary>
public sealed record CabinClimateView(string Cabin, double? Celsius, double? Humidity, double? Co2, string? Fault, IReadOnlyList<string> Alarms);
