namespace Kiosk.FleetSim.Commands;

/// <summary>A reply to publish: to the MQTT 5 response topic with its correlation data, or to <c>reply/{id}</c>.</summary>
internal sealed record OutgoingReply(string Topic, byte[] Payload, byte[]? CorrelationData);
