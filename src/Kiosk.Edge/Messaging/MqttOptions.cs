using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging;

/// <summary>The MQTT link (configuration section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>Fleet broker host name. Empty runs the embedded broker on loopback (Development only).</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker port; unset means 8883 with TLS, 1883 without.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>First topic level; topics are <c>{TopicRoot}/{kiosk id}/...</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", ErrorMessage = "Mqtt:TopicRoot must be topic levels of letters, digits, '_' or '-' without wildcards")]
    public string TopicRoot { get; set; } = "kiosk";

    /// <summary>MQTT protocol: V500 (MQTT 5, response topics) or V311 (MQTT 3.1.1; replies always go to the reply topic).</summary>
    public MqttLinkProtocol ProtocolVersion { get; set; } = MqttLinkProtocol.V500;

    /// <summary>MQTT keep-alive (5 s to 1 h); the broker sends the will after 1.5 times this without traffic.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Optional broker user name (with client certificates the certificate CN is the identity).</summary>
    public string? Username { get; set; }

    /// <summary>Optional broker password: in kiosk.json (0640 root:kiosk), or KIOSK_Mqtt__Password from a root-only EnvironmentFile= (not a drop-in Environment=, which every user can read); never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Limit on one connection attempt (TCP, TLS and CONNECT).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Limit on one publish (until PUBACK for QoS 1) and one ping.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound of the random delay before the first connect, so a fleet does not connect in lock-step.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan StartDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    [Required]
    [ValidateObjectMembers]
    public MqttReconnectOptions Reconnect { get; set; } = new();

    [Required]
    public MqttTlsOptions Tls { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MqttStateOptions State { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MqttTelemetryOptions Telemetry { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MqttEventsOptions Events { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MqttCommandsOptions Commands { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MqttEmbeddedOptions Embedded { get; set; } = new();

    internal bool UsesEmbeddedBroker => string.IsNullOrWhiteSpace(Host);

    internal bool UsesTls => !UsesEmbeddedBroker && Tls.Enabled;

    internal string EffectiveHost => UsesEmbeddedBroker ? "127.0.0.1" : Host;

    internal int EffectivePort => UsesEmbeddedBroker ? Embedded.Port : Port ?? (UsesTls ? 8883 : 1883);
}

public enum MqttLinkProtocol
{
    V500,
    V311,
}

/// <summary>Exponential backoff with jitter between failed connect attempts (<c>Mqtt:Reconnect</c>).</summary>
public sealed class MqttReconnectOptions
{
    /// <summary>First reconnect back-off step; it doubles (with jitter) after each failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between reconnect attempts (the back-off cap); the kiosk never stops trying.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>TLS to the fleet broker (<c>Mqtt:Tls</c>); PEM files.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>TLS to the fleet broker (port 8883 by default); ignored for the embedded development broker.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>CA that signed the broker certificate; empty uses the system trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>Client certificate (its CN is the kiosk id); requires <see cref="KeyFile"/>.</summary>
    public string? CertFile { get; set; }

    /// <summary>Private key of the client certificate (PEM), readable by the service user only (0400 kiosk:kiosk; the crew's group kiosk must not read it).</summary>
    public string? KeyFile { get; set; }
}

/// <summary>Retained state publishing (<c>Mqtt:State</c>).</summary>
public sealed class MqttStateOptions
{
    /// <summary>State changes are coalesced: at most one state message per interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Report-by-exception telemetry (<c>Mqtt:Telemetry</c>).</summary>
public sealed class MqttTelemetryOptions
{
    /// <summary>How often telemetry is sampled; only keys that moved beyond their deadband (or hit MaxInterval) are sent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A key is re-sent after this long even when it stayed within its deadband.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Deadband per dotted key prefix (longest prefix wins), e.g. <c>{"power":5,"occupancy":0}</c>; default 0 (any change).</summary>
    public Dictionary<string, double> Deadbands { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Durable event publishing (<c>Mqtt:Events</c>).</summary>
public sealed class MqttEventsOptions
{
    /// <summary>Outbox drain rate cap (events per second), so a long offline backlog does not flood a cellular link.</summary>
    [Range(0.1, 10_000.0)]
    public double MaxRate { get; set; } = 20;

    /// <summary>Events that may go out back-to-back before the rate cap applies.</summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 20;

    /// <summary>Wait after the broker refused an event (non-success PUBACK) before retrying it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefusedRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Remote commands (<c>Mqtt:Commands</c>).</summary>
public sealed class MqttCommandsOptions
{
    /// <summary>How long a request id and its reply are remembered (a resend gets the same reply).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ReplyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Most request ids (and their replies) remembered; the oldest are forgotten first.</summary>
    [Range(10, 1_000_000)]
    public int ReplyCapacity { get; set; } = 10_000;

    /// <summary>Limit on one command's execution.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The embedded development broker (<c>Mqtt:Embedded</c>), used when <c>Mqtt:Host</c> is empty.</summary>
public sealed class MqttEmbeddedOptions
{
    /// <summary>Development only: the loopback port of the embedded MQTT broker.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;
}
