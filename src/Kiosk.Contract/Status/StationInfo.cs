namespace Kiosk.Contract.Status;

/// <summary>Station metadata in the birth message (contract section 1), from the kiosk's configuration.</summary>
/// <param name="Code">The operator's station code.</param>
/// <param name="Name">The station's name as workers know it.</param>
/// <param name="Address">Street address.</param>
/// <param name="Latitude">WGS-84 latitude, degrees.</param>
/// <param name="Longitude">WGS-84 longitude, degrees.</param>
/// <param name="Amenities">E.g. hot_water, microwave, charging, air_conditioning, toilet, first_aid_kit.</param>
/// <param name="Cabins">The doors (cabins) with their capacity.</param>
public sealed record StationInfo(
    string Code,
    string Name,
    string Address,
    double Latitude,
    double Longitude,
    IReadOnlyList<string> Amenities,
    IReadOnlyList<CabinInfo> Cabins);
