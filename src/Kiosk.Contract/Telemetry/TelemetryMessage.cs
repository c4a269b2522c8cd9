namespace Kiosk.Contract.Telemetry;

/// <summary>
/// A <c>{root}/{kioskId}/telemetry</c> message (QoS 0, not retained): <c>{"ts","values":{key:number}}</c>,
/// report by exception. Keys are dotted, e.g. <c>power.kettle.watts</c> (W), <c>power.kettle.wh</c> (Wh),
/// <c>occupancy.rest.count</c>; only keys that moved past their deadband (or are due again) are present.
/// </summary>
/// <param name="Ts">When the kiosk sampled.</param>
/// <param name="Values">Key → value, in the units the key names.</param>
public sealed record TelemetryMessage(DateTimeOffset Ts, IReadOnlyDictionary<string, double> Values);
