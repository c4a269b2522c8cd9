using System.Text.Json.Nodes;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>Where a reply goes and what it says: <c>{"id","ok","result"|"error","ts"}</c>.</summary>
internal sealed record CommandReply(string Topic, JsonObject Payload, byte[]? CorrelationData);
