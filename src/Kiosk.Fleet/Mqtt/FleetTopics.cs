using Kiosk.Contract.Topics;

namespace Kiosk.Fleet.Mqtt;

/// <summary>What a kiosk topic is about: <c>{root}/{kiosk}/{leaf}[/...]</c>.</summary>
internal enum TopicKind
{
    Other,
    Status,
    State,
    Telemetry,
    Events,
    Reply,
}

/// <summary>
/// The kiosk topic tree as the fleet reads and writes it; the names come from Kiosk.Contract. Replies
/// to this instance's commands come under each kiosk's own reply prefix (the deploy ACL allows a
/// kiosk nothing else), one level named after this instance: <c>{root}/{kiosk}/reply/{clientId}/{request id}</c>.
/// </summary>
internal sealed class FleetTopics(string root, string clientId)
{
    public string Root { get; } = root;

    public string AllKiosks(string leaf) => KioskTopics.AllKiosks(Root, leaf);

    public string ReplyFilter => $"{KioskTopics.AllKiosks(Root, KioskTopics.ReplyLevel)}/{clientId}/+";

    public string Command(string kioskId, string name) => new KioskTopics(Root, kioskId).Command(name);

    public string ResponseTopic(string kioskId, string requestId) => new KioskTopics(Root, kioskId).Reply($"{clientId}/{requestId}");

    public (TopicKind Kind, string KioskId) Parse(string topic)
    {
        if (!KioskTopics.TryParse(Root, topic, out var kioskId, out var rest))
        {
            return (TopicKind.Other, "");
        }

        var kind = rest switch
        {
            KioskTopics.StatusLeaf => TopicKind.Status,
            KioskTopics.StateLeaf => TopicKind.State,
            KioskTopics.TelemetryLeaf => TopicKind.Telemetry,
            KioskTopics.EventsLeaf => TopicKind.Events,
            _ when rest.StartsWith($"{KioskTopics.ReplyLevel}/{clientId}/", StringComparison.Ordinal) && rest.Count(c => c == '/') == 2 => TopicKind.Reply,
            _ => TopicKind.Other,
        };
        return (kind, kioskId);
    }
}
