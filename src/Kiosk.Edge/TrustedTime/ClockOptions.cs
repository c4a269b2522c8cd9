using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.TrustedTime;

/// <summary>Trusted time (configuration section <c>Clock</c>); see docs/tokens.md, "Trusted time".</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>How often the trusted time is saved to the state directory (it is also saved at stop).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the system clock is compared with the trusted time (clock.behind, clock.ahead, health).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far ahead of the trusted time a verified token's <c>iat</c> may move it. Bounds the harm of
    /// an issuer with a wrong clock (a far-future <c>iat</c> would expire every pass until real time
    /// catches up) against the longest outage a board without an RTC can bridge on a fresh pass alone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "60.00:00:00")]
    public TimeSpan MaxIatLead { get; set; } = TimeSpan.FromDays(7);
}
