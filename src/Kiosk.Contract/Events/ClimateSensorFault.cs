namespace Kiosk.Contract.Events;

/// <summary><c>climate.sensor_fault</c>: a cabin air sensor gives no usable reading (docs/climate.md).</summary>
/// <param name="Cabin">The cabin id.</param>
/// <param name="Sensor"><c>sht3x</c>, <c>sht4x</c>, <c>bme280</c> or <c>scd4x</c>.</param>
/// <param name="Fault"><c>no_answer</c>, <c>crc_error</c> or <c>implausible</c>.</param>
public sealed record ClimateSensorFault(string Cabin, string Sensor, string Fault) : KioskEventBody;
