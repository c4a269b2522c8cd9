namespace Kiosk.FleetSim.Mqtt;

/// <summary>The broker and the kiosks' connection behaviour (the kiosk's <c>Mqtt</c> options, same defaults).</summary>
internal sealed record LinkOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>The topic root (<c>Mqtt:TopicRoot</c>).</summary>
    public string TopicRoot { get; init; } = Kiosk.Contract.Topics.KioskTopics.DefaultRoot;

    public bool Tls { get; init; }

    /// <summary>PEM file of the CA the broker's certificate must chain to; null: the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Client certificate and key (PEM) for mutual TLS.</summary>
    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Exponential backoff with jitter between failed connects (the kiosk's Mqtt:Reconnect).</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Each kiosk waits a random share of this before its first connect (the kiosk's Mqtt:StartDelayMax).</summary>
    public TimeSpan StartDelayMax { get; init; }
}
