using System.ComponentModel.DataAnnotations;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Intercom;

/// <summary>Call button, help indicator and announcements (configuration section <c>Intercom</c>).</summary>
public sealed class IntercomOptions
{
    public const string Section = "Intercom";

    /// <summary>GPIO line of the call button; none means no call button.</summary>
    [Range(0, 63)]
    public int? CallButtonPin { get; set; }

    /// <summary>Level of the call button input while pressed (a button to ground with a pull-up: Low).</summary>
    public LineLevel CallButtonActiveLevel { get; set; } = LineLevel.Low;

    /// <summary>Bias of the call button input (a button to ground needs the pull-up).</summary>
    public InputBias CallButtonBias { get; set; } = InputBias.PullUp;

    /// <summary>The cabin the call button is in, reported in <c>intercom.help</c>.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,31}$")]
    public string? Cabin { get; set; }

    /// <summary>GPIO line of the help indicator (LED), lit from a call until <c>ack_help</c>.</summary>
    [Range(0, 63)]
    public int? HelpLedPin { get; set; }

    /// <summary>Level of the help indicator output while lit.</summary>
    public LineLevel HelpLedActiveLevel { get; set; } = LineLevel.High;

    /// <summary>While a call is pending, further presses raise at most one <c>intercom.help</c> per this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HelpRepeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>GPIO line that enables the loudspeaker amplifier.</summary>
    [Range(0, 63)]
    public int? AmpEnablePin { get; set; }

    /// <summary>Level of the amplifier enable output while the amplifier is on.</summary>
    public LineLevel AmpActiveLevel { get; set; } = LineLevel.High;

    /// <summary>The amplifier is enabled this long before sound starts (it pops and mutes the first syllable otherwise).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan PreRoll { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The amplifier stays enabled this long after sound ends, so back-to-back announcements do not click.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HangTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>espeak-ng voice for text announcements (Mandarin by default).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_+-]{1,40}$")]
    public string Voice { get; set; } = "cmn";

    /// <summary>Longest announcement text in characters; longer text is refused with bad_arguments.</summary>
    [Range(1, 2000)]
    public int MaxTextLength { get; set; } = 500;

    /// <summary>Volume (0-100) of an announcement that names none: a linear gain on the samples.</summary>
    [Range(0, 100)]
    public int DefaultVolume { get; set; } = 80;

    /// <summary>Start of quiet hours (local time of day): only urgent announcements play.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(22);

    /// <summary>End of quiet hours (local time of day); equal to the start means no quiet hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(6);

    /// <summary>IANA time zone for quiet hours.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Folder of the recorded clips (16-bit PCM WAV) an announcement may name.</summary>
    [Required]
    public string ClipDirectory { get; set; } = "/usr/share/kiosk-edge/clips";

    /// <summary>Where rendered announcements are written before playing; default {Kiosk:RuntimeDirectory}/intercom.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Where to play: Auto (ALSA on the board, WAV files in simulation), Alsa or File.</summary>
    public AudioSinkKind Sink { get; set; } = AudioSinkKind.Auto;

    /// <summary>The File sink's output folder; default {Kiosk:StateDirectory}/audio-out.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>ALSA device for aplay (-D).</summary>
    [Required]
    public string AlsaDevice { get; set; } = "default";

    /// <summary>The espeak-ng program that renders text announcements (Debian package espeak-ng).</summary>
    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The aplay program that plays on ALSA (Debian package alsa-utils).</summary>
    [Required]
    public string AplayPath { get; set; } = "aplay";

    /// <summary>Announcements waiting at most; past it <c>announce</c> fails with rate_limited.</summary>
    [Range(1, 500)]
    public int MaxQueueLength { get; set; } = 20;

    /// <summary>A text rendering that takes longer is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
