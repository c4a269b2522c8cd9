using System.Globalization;
using System.Text.RegularExpressions;
using Kiosk.Edge.Security;
using Kiosk.Edge.TrustedTime;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>clock</c>: synchronised by systemd-timesyncd (<c>timedatectl show -p NTPSynchronized</c>) or
/// chrony (<c>chronyc tracking</c>, which also gives the offset); an unsynchronised clock fails, and
/// where neither tool answers it warns "cannot tell". Then the trusted time passes are checked
/// against: a system clock behind it by more than the skew warns with the difference (doors still
/// work), a clock that refused passes show to be ahead fails. The detail always ends with whether
/// the board has an RTC (<see cref="RtcProbe"/>); a board without one warns at least, because after
/// a power cut with the link down its clock restarts in the past (docs/rtc.md).
/// </summary>
internal sealed partial class ClockCheck(
    ProcessRunner processes,
    RtcProbe rtcProbe,
    IOptions<DiagnosticsOptions> options,
    TrustedClock trusted,
    ClockAheadDetector ahead,
    IOptions<SecurityOptions> security) : DiagnosticCheck
{
    public override string Name => "clock";

    public override string Category => "system";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var sync = await SynchronisationAsync(cancellationToken).ConfigureAwait(false);
        var (rtc, rtcDetail) = rtcProbe.Probe();
        var noRtc = rtc ? null : CheckResult.Warn(
            rtcDetail,
            "Without an RTC the clock is wrong after every power cut until NTP answers, and passes are refused as not_yet_valid meanwhile: fit one (docs/rtc.md).");
        var behind = trusted.SystemBehind();
        CheckResult? time = null;
        if (ahead.SuspectedAhead is { } lead)
        {
            time = CheckResult.Fail(
                $"system clock about {Describe(lead)} ahead: recent validly signed passes were refused as expired",
                "set the clock right (NTP: `timedatectl timesync-status`, or `hwclock` against a good RTC); the kiosk never moves its trusted time backwards by itself (docs/tokens.md, Trusted time)");
        }
        else if (behind > security.Value.ClockSkew)
        {
            time = CheckResult.Warn(
                $"system clock {Describe(behind)} behind trusted time ({trusted.Source}); passes are checked on trusted time",
                "doors keep working on trusted time; let the clock synchronise (NTP over UDP 123). If the system clock is in fact right, the trusted time was pushed ahead: see docs/tokens.md, Trusted time");
        }

        var findings = new[] { sync, time, noRtc }.OfType<CheckResult>().ToList();
        var worst = findings.Max(f => f.Status);
        var details = new[] { sync.Detail, time?.Detail, rtcDetail }.OfType<string>();
        var hints = string.Join(" ", findings.Select(f => f.Hint).OfType<string>().Distinct(StringComparer.Ordinal));
        return worst == CheckStatus.Pass
            ? CheckResult.Pass(string.Join("; ", details))
            : new CheckResult(worst, string.Join("; ", details), hints);
    }

    private async ValueTask<CheckResult> SynchronisationAsync(CancellationToken cancellationToken)
    {
        var timedatectl = await processes.RunAsync("timedatectl", ["show", "-p", "NTPSynchronized", "--value"], cancellationToken).ConfigureAwait(false);
        bool? synchronised = timedatectl.Succeeded ? timedatectl.Output.Trim() switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        } : null;
        var source = synchronised is null ? null : "timedatectl";

        var chrony = await processes.RunAsync("chronyc", ["-n", "tracking"], cancellationToken).ConfigureAwait(false);
        TimeSpan? offset = null;
        if (chrony.Succeeded)
        {
            var leap = LeapStatus().Match(chrony.Output);
            if (synchronised is null && leap.Success)
            {
                synchronised = !leap.Groups[1].Value.Trim().Equals("Not synchronised", StringComparison.OrdinalIgnoreCase);
                source = "chronyc";
            }

            var m = SystemTime().Match(chrony.Output);
            if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                offset = TimeSpan.FromSeconds(m.Groups[2].Value == "slow" ? -seconds : seconds);
            }
        }

        var offsetText = offset is { } o ? $", offset {Describe(o)}" : "";
        if (synchronised is null)
        {
            return CheckResult.Warn(
                $"cannot tell whether the clock is synchronised: {Why("timedatectl", timedatectl)}, {Why("chronyc", chrony)}",
                "enable systemd-timesyncd (timedatectl set-ntp true) or install chrony; passes are checked against this clock");
        }

        if (synchronised is false)
        {
            return CheckResult.Fail(
                $"clock not synchronised ({source}){offsetText}",
                "check time sync: `timedatectl timesync-status` or `chronyc sources`, and that the kiosk reaches its NTP server (UDP 123); a wrong clock denies valid passes as expired or not_yet_valid");
        }

        if (offset is { } skew && skew.Duration() > options.Value.ClockSkewWarn)
        {
            return CheckResult.Warn(
                $"synchronised ({source}) but offset {Describe(skew)} exceeds {Describe(options.Value.ClockSkewWarn)}",
                "the clock is still converging or the NTP source is poor: check `chronyc sources`; passes tolerate 30 s of skew");
        }

        return CheckResult.Pass($"synchronised ({source}){offsetText}");
    }

    private static string Why(string program, ProcessResult r) => r.Outcome switch
    {
        ProcessOutcome.NotFound => $"{program} not installed",
        ProcessOutcome.TimedOut => $"{program} timed out",
        _ when r.ExitCode != 0 => $"{program} exited {r.ExitCode}{(r.Error.Trim() is { Length: > 0 } e ? $" ({FirstLine(e)})" : "")}",
        _ => $"{program} gave no answer",
    };

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    private static string Describe(TimeSpan t) =>
        t.Duration() < TimeSpan.FromSeconds(1)
            ? $"{t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms"
            : $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    [GeneratedRegex(@"^Leap status\s*:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex LeapStatus();

    [GeneratedRegex(@"^System time\s*:\s*([0-9.eE+-]+) seconds (fast|slow)", RegexOptions.Multiline)]
    private static partial Regex SystemTime();
}
