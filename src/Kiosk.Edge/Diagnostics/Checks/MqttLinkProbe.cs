using System.Text.Json.Nodes;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.State;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>The broker check's view of the kiosk's one MQTT link.</summary>
internal sealed class MqttLinkProbe(MqttLink link, StateBoard state) : BrokerProbe
{
    public override string Broker => link.Broker;

    public override bool IsConnected => link.IsConnected;

    public override JsonNode? LinkState => state.Get("link");

    public override Task<bool> PingAsync(CancellationToken cancellationToken) => link.TryPingAsync(cancellationToken);
}
