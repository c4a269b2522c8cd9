namespace Kiosk.Edge.Messaging;

/// <summary>The topic tree of contract section 3, under <c>{root}/{kiosk id}</c>.</summary>
internal sealed class MqttTopics(string root, string kioskId)
{
    public string Prefix { get; } = $"{root}/{kioskId}";

    public string Status => Prefix + "/status";

    public string State => Prefix + "/state";

    public string Telemetry => Prefix + "/telemetry";

    public string Events => Prefix + "/events";

    public string CommandFilter => Prefix + "/cmd/+";

    public string Reply(string requestId) => Prefix + "/reply/" + requestId;

    /// <summary>The command name of a topic under <c>cmd/</c>, or null for any other topic.</summary>
    public string? CommandName(string topic)
    {
        var head = Prefix + "/cmd/";
        return topic.StartsWith(head, StringComparison.Ordinal) && topic.Length > head.Length && topic.IndexOf('/', head.Length) < 0
            ? topic[head.Length..]
            : null;
    }
}
