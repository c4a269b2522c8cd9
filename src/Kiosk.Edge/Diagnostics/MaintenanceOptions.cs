using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Diagnostics;

/// <summary>Maintenance mode (configuration section <c>Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>Maintenance mode ends by itself after this long, so a forgotten session never leaves actuator tests open.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(60);
}
