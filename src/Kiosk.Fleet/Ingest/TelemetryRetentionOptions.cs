using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Ingest;

/// <summary>How long telemetry is kept (<c>Fleet:Telemetry</c>).</summary>
public sealed class TelemetryRetentionOptions
{
    public const string Section = "Fleet:Telemetry";

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan MinuteRetention { get; set; } = TimeSpan.FromDays(90);

    [Range(typeof(TimeSpan), "01:00:00", "36500.00:00:00")]
    public TimeSpan HourRetention { get; set; } = TimeSpan.FromDays(3 * 365);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
