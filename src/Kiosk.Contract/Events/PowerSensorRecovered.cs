namespace Kiosk.Contract.Events;

/// <summary><c>power.sensor_recovered</c>: Extension: a faulty meter answers plausibly again.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Meter">The meter's name.</param>
public sealed record PowerSensorRecovered(
    string Circuit,
    string Meter) : KioskEventBody;
