using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Health;

/// <summary>Liveness, readiness and the systemd watchdog (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// Loops that must beat for the service to be live, with the longest silence each may keep
    /// (e.g. <c>"Loops": { "doors": "00:00:05" }</c>). A listed loop that never beats counts as
    /// silent once <see cref="StartupGrace"/> has passed.
    /// </summary>
    public Dictionary<string, TimeSpan> Loops { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long after start a required loop may still be silent (the host is still starting it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StartupGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the storage probe runs and the health section is refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether readiness needs the broker link. Liveness never does: an offline kiosk must still open doors.
    /// </summary>
    public bool RequireBroker { get; set; } = true;
}
