using Kiosk.Contract.Status;

namespace Kiosk.FleetSim.Stations;

/// <summary>One simulated kiosk's identity: its id (MQTT client id and token audience) and the station it publishes in its birth.</summary>
/// <param name="KioskId">Contract section 1: <c>^[a-z0-9][a-z0-9-]{2,63}$</c>.</param>
/// <param name="Station">Code, name, address, WGS-84 position, amenities and cabins.</param>
internal sealed record SimStation(string KioskId, StationInfo Station);
