using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Kiosk.Edge.Messaging.Broker;

/// <summary>
/// One client connection to the embedded broker. An MQTT 3.1.1 CONNECT with a zero-byte client id
/// and CleanSession = 1 gets a unique id assigned by the server, as MQTT 3.1.1 section 3.1.3.1
/// allows [MQTT-3.1.3-6]; with CleanSession = 0 it is left alone, so the broker refuses it with
/// return code 0x02 as the specification requires [MQTT-3.1.3-8]. Everything else passes through.
/// </summary>
internal sealed class ClientIdAssigningChannel(IMqttChannelAdapter inner) : IMqttChannelAdapter
{
    /// <summary>The prefix of an assigned id (followed by 16 hex digits).</summary>
    public const string AssignedPrefix = "auto-";

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttConnectPacket { CleanSession: true } connect
            && string.IsNullOrEmpty(connect.ClientId)
            && inner.PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V311)
        {
            connect.ClientId = AssignedPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        return packet;
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    public void Dispose() => inner.Dispose();
}
