using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Diagnostics;

/// <summary>On-device diagnostics (configuration section <c>Diagnostics</c>).</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    /// <summary>A check that has not answered after this long is a fail "timed out".</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed to a helper program (timedatectl, chronyc, aplay, espeak-ng).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Where the GPIO character devices are (gpiochipN).</summary>
    [Required]
    public string DeviceDirectory { get; set; } = "/dev";

    /// <summary>The kernel's uptime file.</summary>
    [Required]
    public string UptimePath { get; set; } = "/proc/uptime";

    /// <summary>Free space of the state directory below this warns.</summary>
    [Range(1, 1_000_000)]
    public int DiskWarnMegabytes { get; set; } = 500;

    /// <summary>Free space of the state directory below this share of the file system warns.</summary>
    [Range(0, 100)]
    public int DiskWarnPercent { get; set; } = 10;

    /// <summary>Free space of the state directory below this fails.</summary>
    [Range(1, 1_000_000)]
    public int DiskFailMegabytes { get; set; } = 50;

    /// <summary>More unpublished events than this warns (the link has been down a long time).</summary>
    [Range(1, 10_000_000)]
    public int OutboxWarnPending { get; set; } = 10_000;

    /// <summary>A known clock offset beyond this warns (tokens allow 30 s of skew).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ClockSkewWarn { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The real-time clock's device node: without it the clock check warns "no RTC" (docs/rtc.md).</summary>
    [Required]
    public string RtcDevicePath { get; set; } = "/dev/rtc0";

    /// <summary>The kernel's RTC class directory (one rtcN entry per real-time clock, with its driver name, which the clock check names).</summary>
    [Required]
    public string RtcClassDirectory { get; set; } = "/sys/class/rtc";

    /// <summary>A door contact that never changed while this many openings were granted is reported stuck.</summary>
    [Range(2, 1000)]
    public int StuckContactOpenings { get; set; } = 5;

    /// <summary>Fault events in this window are reported by the recent-faults check.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RecentFaultsWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A TLS certificate (client or CA) expiring within this warns; an expired one fails.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan CertificateWarnBefore { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A trust-store key expiring within this, or past its (informational) expiry date, warns; no keys at all fails.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan KeyWarnBefore { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an actuator test holds its output (lock released, amplifier on): 0.1 s to 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan ActuatePulse { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Simulation only: the folder the simulated audio output writes WAV files to (checked writable); default the intercom's <c>Intercom:OutputDirectory</c>, else {Kiosk:StateDirectory}/audio-out.</summary>
    public string? SimulatedAudioDirectory { get; set; }
}
