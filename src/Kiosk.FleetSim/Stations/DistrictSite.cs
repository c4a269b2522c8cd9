namespace Kiosk.FleetSim.Stations;

/// <summary>A street site of a district: where a station stands (WGS-84 degrees) and the street it is on.</summary>
internal sealed record DistrictSite(string Name, string Address, double Latitude, double Longitude);
