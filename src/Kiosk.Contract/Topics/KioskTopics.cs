namespace Kiosk.Contract.Topics;

/// <summary>
/// The MQTT topic tree of one kiosk (contract section 3): <c>{root}/{kioskId}/status|state|telemetry|events</c>,
/// <c>{root}/{kioskId}/cmd/{name}</c> (in) and <c>{root}/{kioskId}/reply/{requestId}</c> (out).
/// </summary>
/// <param name="root">First topic level(s), <see cref="DefaultRoot"/> unless configured (<c>Mqtt:TopicRoot</c>).</param>
/// <param name="kioskId">The kiosk id, <c>^[a-z0-9][a-z0-9-]{2,63}$</c> (contract section 1).</param>
public sealed class KioskTopics(string root, string kioskId)
{
    /// <summary>The default root, <c>kiosk</c>.</summary>
    public const string DefaultRoot = "kiosk";

    /// <summary>Leaf of the retained birth/offline topic.</summary>
    public const string StatusLeaf = "status";

    /// <summary>Leaf of the retained state topic.</summary>
    public const string StateLeaf = "state";

    /// <summary>Leaf of the telemetry topic.</summary>
    public const string TelemetryLeaf = "telemetry";

    /// <summary>Leaf of the events topic.</summary>
    public const string EventsLeaf = "events";

    /// <summary>Level under which commands arrive: <c>cmd/{name}</c>.</summary>
    public const string CommandLevel = "cmd";

    /// <summary>Level under which replies go: <c>reply/{requestId}</c>.</summary>
    public const string ReplyLevel = "reply";

    /// <summary>The root these topics are under.</summary>
    public string Root { get; } = root;

    /// <summary>The kiosk id.</summary>
    public string KioskId { get; } = kioskId;

    /// <summary><c>{root}/{kioskId}</c>.</summary>
    public string Prefix { get; } = $"{root}/{kioskId}";

    /// <summary><c>{root}/{kioskId}/status</c>: QoS 1, retained, <see cref="Status.StatusMessage"/>.</summary>
    public string Status => Prefix + "/" + StatusLeaf;

    /// <summary><c>{root}/{kioskId}/state</c>: QoS 1, retained, <see cref="State.KioskState"/>.</summary>
    public string State => Prefix + "/" + StateLeaf;

    /// <summary><c>{root}/{kioskId}/telemetry</c>: QoS 0, <see cref="Telemetry.TelemetryMessage"/>.</summary>
    public string Telemetry => Prefix + "/" + TelemetryLeaf;

    /// <summary><c>{root}/{kioskId}/events</c>: QoS 1, one event per message (<see cref="Events.KioskEventMessage"/>).</summary>
    public string Events => Prefix + "/" + EventsLeaf;

    /// <summary><c>{root}/{kioskId}/cmd/+</c>: what the kiosk subscribes to.</summary>
    public string CommandFilter => Prefix + "/" + CommandLevel + "/+";

    /// <summary><c>{root}/{kioskId}/reply/</c>, the prefix of every reply topic (the deploy ACL allows only these).</summary>
    public string ReplyPrefix => Prefix + "/" + ReplyLevel + "/";

    /// <summary><c>{root}/{kioskId}/cmd/{name}</c>, where a backend sends command <paramref name="name"/>.</summary>
    public string Command(string name) => Prefix + "/" + CommandLevel + "/" + name;

    /// <summary><c>{root}/{kioskId}/reply/{requestId}</c>, the reply topic when the request has no MQTT 5 response topic.</summary>
    public string Reply(string requestId) => ReplyPrefix + requestId;

    /// <summary>The command name of a topic directly under <c>cmd/</c> of this kiosk, or null for any other topic.</summary>
    public string? CommandName(string topic)
    {
        var head = Prefix + "/" + CommandLevel + "/";
        return topic.StartsWith(head, StringComparison.Ordinal) && topic.Length > head.Length && topic.IndexOf('/', head.Length) < 0
            ? topic[head.Length..]
            : null;
    }

    /// <summary>A filter for one leaf of every kiosk under <paramref name="root"/>, e.g. <c>kiosk/+/events</c> (for a fleet backend).</summary>
    public static string AllKiosks(string root, string leaf) => root + "/+/" + leaf;

    /// <summary>
    /// Splits a topic under <paramref name="root"/> into its kiosk id and the rest (<c>events</c>,
    /// <c>reply/r-1</c>, ...); false when the topic is not under the root or has no level after the id.
    /// </summary>
    public static bool TryParse(string root, string topic, out string kioskId, out string rest)
    {
        kioskId = "";
        rest = "";
        var head = root + "/";
        if (!topic.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = topic.IndexOf('/', head.Length);
        if (slash <= head.Length || slash == topic.Length - 1)
        {
            return false;
        }

        kioskId = topic[head.Length..slash];
        rest = topic[(slash + 1)..];
        return true;
    }
}
