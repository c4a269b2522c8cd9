using System.Text.Json.Serialization;

namespace Kiosk.Contract.Events;

/// <summary><c>power.lockout</c>: A circuit tripped too often within the window and stays off until reset.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Trips">Trips within the window.</param>
/// <param name="WindowSeconds">The lockout window, s.</param>
public sealed record PowerLockout(
    string Circuit,
    int Trips,
    [property: JsonPropertyName("window_s")] double WindowSeconds) : KioskEventBody;
