using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Mqtt;

/// <summary>The fleet broker link (<c>Fleet:Mqtt</c>).</summary>
public sealed class FleetMqttOptions
{
    public const string Section = "Fleet:Mqtt";

    /// <summary>Broker host. Empty runs an embedded MQTTnet broker on 127.0.0.1:<see cref="EmbeddedPort"/> (Development only).</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker port; unset means 8883 with TLS, 1883 without.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    [Range(1, 65535)]
    public int EmbeddedPort { get; set; } = 1883;

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Fleet:Mqtt:TopicRoot must be one topic level of letters, digits, '_' or '-'")]
    public string TopicRoot { get; set; } = "kiosk";

    /// <summary>
    /// This instance's client id: fixed, so the broker keeps its persistent session (and the QoS 1
    /// messages not yet acknowledged) across a crash. Replies to its commands come under it. The
    /// instance's second session, for the retained status and state, is <c>{ClientId}-state</c>.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Fleet:Mqtt:ClientId must be 1-64 letters, digits, '_' or '-'")]
    public string ClientId { get; set; } = "fleet-1";

    /// <summary>MQTT 5 shared subscription group: instances with the same group split events and telemetry.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Fleet:Mqtt:SharedGroup must be 1-64 letters, digits, '_' or '-'")]
    public string SharedGroup { get; set; } = "fleet";

    public string? Username { get; set; }

    /// <summary>From configuration or the environment; never logged.</summary>
    public string? Password { get; set; }

    public bool TlsEnabled { get; set; } = true;

    public string? CaFile { get; set; }

    /// <summary>The backend's client certificate (CN <c>backend</c>, see deploy/mosquitto/acl).</summary>
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the broker keeps this instance's session (and its queued QoS 1 messages) while it is away.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages taken from the broker but not yet committed; the broker's own in-flight window also bounds it.</summary>
    [Range(1, 100_000)]
    public int IngestQueue { get; set; } = 1000;

    /// <summary>Messages committed in one database transaction at most.</summary>
    [Range(1, 10_000)]
    public int IngestBatch { get; set; } = 200;

    internal bool UsesEmbeddedBroker => string.IsNullOrWhiteSpace(Host);

    internal bool UsesTls => !UsesEmbeddedBroker && TlsEnabled;

    internal string EffectiveHost => UsesEmbeddedBroker ? "127.0.0.1" : Host;

    internal int EffectivePort => UsesEmbeddedBroker ? EmbeddedPort : Port ?? (UsesTls ? 8883 : 1883);
}
