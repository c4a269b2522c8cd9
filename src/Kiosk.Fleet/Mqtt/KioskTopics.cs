namespace Kiosk.Fleet.Mqtt;

/// <summary>What a kiosk topic is about: <c>{root}/{kiosk}/{kind}[/...]</c>.</summary>
internal enum TopicKind
{
    Other,
    Status,
    State,
    Telemetry,
    Events,
    Reply,
}

/// <summary>The kiosk topic tree as the fleet reads and writes it (contract section 3).</summary>
internal sealed class KioskTopics(string root, string clientId)
{
    public string Root { get; } = root;

    public string Filter(string kind) => $"{Root}/+/{kind}";

    /// <summary>Replies to this instance's commands: under the kiosk's own reply prefix (the deploy ACL allows a kiosk nothing else).</summary>
    public string ReplyFilter => $"{Root}/+/reply/{clientId}/+";

    public string Command(string kioskId, string name) => $"{Root}/{kioskId}/cmd/{name}";

    public string ResponseTopic(string kioskId, string requestId) => $"{Root}/{kioskId}/reply/{clientId}/{requestId}";

    public (TopicKind Kind, string KioskId) Parse(string topic)
    {
        var parts = topic.Split('/');
        if (parts.Length < 3 || parts[0] != Root || parts[1].Length == 0)
        {
            return (TopicKind.Other, "");
        }

        var kind = (parts.Length, parts[2]) switch
        {
            (3, "status") => TopicKind.Status,
            (3, "state") => TopicKind.State,
            (3, "telemetry") => TopicKind.Telemetry,
            (3, "events") => TopicKind.Events,
            (5, "reply") when parts[3] == clientId => TopicKind.Reply,
            _ => TopicKind.Other,
        };
        return (kind, parts[1]);
    }
}
