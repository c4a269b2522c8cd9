using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Alarms;

/// <summary>Alarms from silence, seq gaps and escalation (<c>Fleet:Alarms</c>).</summary>
public sealed class AlarmOptions
{
    public const string Section = "Fleet:Alarms";

    /// <summary>How often the watcher looks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A kiosk offline longer than this raises <c>offline</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest a healthy kiosk stays silent on telemetry: its <c>Mqtt:Telemetry:MaxInterval</c>
    /// (telemetry is report-by-exception). Three of these without telemetry raise <c>no_telemetry</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TelemetryPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a seq gap may stay open (events reordered between instances) before it is a <c>data_gap</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An open alarm not acknowledged within this is notified (again) to <see cref="WebhookUrl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where escalations are POSTed (JSON); empty: escalation is only recorded.</summary>
    [Url(ErrorMessage = "Fleet:Alarms:WebhookUrl must be an absolute URL")]
    public string? WebhookUrl { get; set; }
}
