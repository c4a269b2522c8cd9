using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary><c>state.link</c> (docs/mqtt.md): the MQTT connection as the kiosk sees it.</summary>
/// <param name="Connected">A session is up.</param>
/// <param name="Since">When <paramref name="Connected"/> last changed.</param>
/// <param name="Broker"><c>host:port</c>.</param>
/// <param name="Protocol"><c>5.0</c> or <c>3.1.1</c>.</param>
/// <param name="LastError">The last connection error; null when none.</param>
/// <param name="ReconnectAttempts">Failed attempts since the last session.</param>
/// <param name="EventsDropped">Events the outbox bound dropped, in total.</param>
public sealed record LinkState(
    bool Connected,
    DateTimeOffset Since,
    string Broker,
    string Protocol,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastError,
    long ReconnectAttempts,
    long EventsDropped);
