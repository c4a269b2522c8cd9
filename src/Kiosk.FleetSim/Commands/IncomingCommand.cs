namespace Kiosk.FleetSim.Commands;

/// <summary>A message on <c>cmd/{name}</c> as the broker delivered it.</summary>
internal sealed record IncomingCommand(string Topic, ReadOnlyMemory<byte> Payload, bool Retained, string? ResponseTopic, byte[]? CorrelationData);
