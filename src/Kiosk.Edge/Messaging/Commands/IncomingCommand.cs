namespace Kiosk.Edge.Messaging.Commands;

/// <summary>A message that arrived on <c>cmd/{name}</c>, as the broker delivered it.</summary>
internal sealed record IncomingCommand(string Topic, ReadOnlyMemory<byte> Payload, bool Retained, string? ResponseTopic, byte[]? CorrelationData);
