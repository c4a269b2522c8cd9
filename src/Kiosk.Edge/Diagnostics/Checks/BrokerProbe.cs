using System.Text.Json.Nodes;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>What the broker check asks of the MQTT link (the seam tests answer as a broken link would).</summary>
internal abstract class BrokerProbe
{
    /// <summary>host:port, for messages.</summary>
    public abstract string Broker { get; }

    public abstract bool IsConnected { get; }

    /// <summary>The "link" state section (last error, attempts), when the link publishes one.</summary>
    public abstract JsonNode? LinkState { get; }

    /// <summary>One MQTT PINGREQ/PINGRESP with the link's operation timeout; false without a healthy session.</summary>
    public abstract Task<bool> PingAsync(CancellationToken cancellationToken);
}
