namespace Kiosk.Fleet.Web.Map;

/// <summary>How a station shows on the map.</summary>
public enum StationState
{
    Online,

    /// <summary>Online with at least one open alarm.</summary>
    Alarm,

    Offline,
}

/// <summary>One station marker: WGS-84 position (degrees) as the kiosk's birth message gave it; null when it sent none.</summary>
public sealed record MapStation(string Id, string? Code, string? Name, string? Address, double? Latitude, double? Longitude, StationState State, IReadOnlyList<string> Alarms);
