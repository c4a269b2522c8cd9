using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary>
/// The retained <c>{root}/{kioskId}/state</c> message (contract section 3): one section per feature
/// (names in <see cref="StateSections"/>, sorted), then <c>ts</c>. A section is absent until its feature
/// reports; sections this library does not know are kept in <see cref="Extra"/>.
/// </summary>
public sealed record KioskState
{
    /// <summary>Circuit id → state.</summary>
    public IReadOnlyDictionary<string, CircuitState>? Circuits { get; init; }

    /// <summary>Cabin air and the CPU temperature.</summary>
    public ClimateState? Climate { get; init; }

    /// <summary>Door id → state.</summary>
    public IReadOnlyDictionary<string, DoorState>? Doors { get; init; }

    /// <summary>Liveness and readiness.</summary>
    public HealthState? Health { get; init; }

    /// <summary>Help call, announcements, amplifier.</summary>
    public IntercomState? Intercom { get; init; }

    /// <summary>The MQTT connection.</summary>
    public LinkState? Link { get; init; }

    /// <summary>Maintenance mode.</summary>
    public MaintenanceState? Maintenance { get; init; }

    /// <summary>People per cabin and daily counters.</summary>
    public OccupancyState? Occupancy { get; init; }

    /// <summary>When the kiosk took this snapshot.</summary>
    public DateTimeOffset Ts { get; init; }

    /// <summary>Sections this library does not know (e.g. from a newer kiosk), as raw JSON.</summary>
    // set, not init: System.Text.Json binds init-only members like constructor parameters, and extension
    // data cannot be one ("cannot bind with a parameter in the deserialization constructor").
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
