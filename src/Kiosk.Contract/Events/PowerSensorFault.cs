using System.Text.Json.Serialization;

namespace Kiosk.Contract.Events;

/// <summary><c>power.sensor_fault</c>: A circuit's meter failed; the circuit went to its safe state.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Meter">The meter's name.</param>
/// <param name="Fault"><c>no_answer</c>, <c>overflow</c>, <c>out_of_range</c>, ...</param>
/// <param name="SafeState">on or off: what the circuit does while its meter is faulty.</param>
public sealed record PowerSensorFault(
    string Circuit,
    string Meter,
    string Fault,
    [property: JsonPropertyName("safe_state")] string SafeState) : KioskEventBody;
