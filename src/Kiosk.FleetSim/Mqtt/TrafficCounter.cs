namespace Kiosk.FleetSim.Mqtt;

/// <summary>
/// Bytes a simulated kiosk sent and received on its MQTT connection, estimated from the packets it made
/// (MQTT 5, OASIS 2019 §3): a PUBLISH is 1 + remaining-length bytes + 2 + topic + 2 (packet id, QoS 1) + 1
/// (property length) + properties + payload; PUBACK 4; CONNECT/CONNACK, SUBSCRIBE/SUBACK and PINGREQ/PINGRESP
/// counted as built. TCP/IP and TLS framing are not included: <see cref="PacketsSent"/> and
/// <see cref="PacketsReceived"/> let a report add them per packet.
/// </summary>
internal sealed class TrafficCounter
{
    private long _bytesSent;
    private long _bytesReceived;
    private long _packetsSent;
    private long _packetsReceived;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>The size of a PUBLISH packet.</summary>
    public static int PublishSize(string topic, int payload, bool qos1, int properties = 0)
    {
        var remaining = 2 + System.Text.Encoding.UTF8.GetByteCount(topic) + (qos1 ? 2 : 0) + 1 + properties + payload;
        return 1 + VarIntSize(remaining) + remaining;
    }

    /// <summary>A PUBLISH this kiosk sent, and for QoS 1 the PUBACK it got.</summary>
    public void Published(string topic, int payload, bool qos1, int properties = 0)
    {
        Sent(PublishSize(topic, payload, qos1, properties));
        if (qos1)
        {
            Received(4);
        }
    }

    /// <summary>A PUBLISH this kiosk received, and for QoS 1 the PUBACK it sent.</summary>
    public void Delivered(string topic, int payload, bool qos1, int properties)
    {
        Received(PublishSize(topic, payload, qos1, properties));
        if (qos1)
        {
            Sent(4);
        }
    }

    /// <summary>CONNECT (with its will) and CONNACK, SUBSCRIBE and SUBACK.</summary>
    public void Connected(string clientId, string willTopic, int willPayload, string commandFilter)
    {
        // CONNECT: fixed header 2, variable header 10 + properties 6 (session expiry), client id, will properties 1, will topic and payload.
        Sent(2 + 10 + 6 + 2 + clientId.Length + 1 + 2 + willTopic.Length + 2 + willPayload);
        Received(2 + 3 + 6);
        Sent(2 + 2 + 1 + 2 + commandFilter.Length + 1);
        Received(2 + 2 + 1 + 1);
    }

    /// <summary>One keep-alive exchange (PINGREQ 2, PINGRESP 2).</summary>
    public void Pinged()
    {
        Sent(2);
        Received(2);
    }

    public void Sent(int bytes)
    {
        Interlocked.Add(ref _bytesSent, bytes);
        Interlocked.Increment(ref _packetsSent);
    }

    public void Received(int bytes)
    {
        Interlocked.Add(ref _bytesReceived, bytes);
        Interlocked.Increment(ref _packetsReceived);
    }

    private static int VarIntSize(int value) => value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
}
