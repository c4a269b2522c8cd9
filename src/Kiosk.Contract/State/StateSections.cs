namespace Kiosk.Contract.State;

/// <summary>The section names of the retained <c>state</c> (<see cref="KioskState"/>); one feature owns each.</summary>
public static class StateSections
{
    /// <summary><c>circuits</c>: circuit id → <see cref="CircuitState"/>.</summary>
    public const string Circuits = "circuits";

    /// <summary><c>climate</c>: <see cref="ClimateState"/>.</summary>
    public const string Climate = "climate";

    /// <summary><c>doors</c>: door id → <see cref="DoorState"/>.</summary>
    public const string Doors = "doors";

    /// <summary><c>health</c>: <see cref="HealthState"/>.</summary>
    public const string Health = "health";

    /// <summary><c>intercom</c>: <see cref="IntercomState"/>.</summary>
    public const string Intercom = "intercom";

    /// <summary><c>link</c>: <see cref="LinkState"/>.</summary>
    public const string Link = "link";

    /// <summary><c>maintenance</c>: <see cref="MaintenanceState"/>.</summary>
    public const string Maintenance = "maintenance";

    /// <summary><c>occupancy</c>: <see cref="OccupancyState"/>.</summary>
    public const string Occupancy = "occupancy";
}
