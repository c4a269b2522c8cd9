namespace Kiosk.FleetSim.Runner;

/// <summary>
/// What a run did, for the scale figures (<c>--stats</c>). Bytes are MQTT packet bytes as built (fixed header,
/// topic, packet id, properties, payload; PUBACK, CONNECT/CONNACK, SUBSCRIBE/SUBACK, PINGREQ/PINGRESP); TCP/IP and
/// TLS framing are not included (<see cref="PacketsSent"/>/<see cref="PacketsReceived"/> allow adding them per packet).
/// Per virtual day figures scale the run's totals by 86,400 / <see cref="VirtualSeconds"/>.
/// </summary>
internal sealed record SimStats
{
    public required int Kiosks { get; init; }

    public required int Seed { get; init; }

    public required double TimeScale { get; init; }

    public required double WallSeconds { get; init; }

    public required double VirtualSeconds { get; init; }

    public required DateTimeOffset VirtualStart { get; init; }

    public required DateTimeOffset VirtualNow { get; init; }

    public required int Connected { get; init; }

    public required long Connects { get; init; }

    public required long EventsAppended { get; init; }

    public required long EventsSent { get; init; }

    public required long EventsPending { get; init; }

    public required long EventsDropped { get; init; }

    public required long TelemetrySent { get; init; }

    public required long StatesSent { get; init; }

    public required long CommandsReceived { get; init; }

    public required long BytesSent { get; init; }

    public required long BytesReceived { get; init; }

    public required long PacketsSent { get; init; }

    public required long PacketsReceived { get; init; }

    /// <summary>MQTT bytes per kiosk per virtual day, sent and received (what the SIM card's data plan pays).</summary>
    public required double BytesPerKioskPerDaySent { get; init; }

    public required double BytesPerKioskPerDayReceived { get; init; }

    /// <summary>MQTT packets per kiosk per virtual day, both directions (for adding TCP/IP/TLS overhead per packet).</summary>
    public required double PacketsPerKioskPerDay { get; init; }

    public required string ByteCounting { get; init; }

    public required IReadOnlyDictionary<string, KioskStats> PerKiosk { get; init; }
}
