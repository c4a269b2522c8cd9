using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>clock</c>: synchronised by systemd-timesyncd (<c>timedatectl show -p NTPSynchronized</c>) or
/// chrony (<c>chronyc tracking</c>, which also gives the offset). Passes are checked against this
/// clock, so an unsynchronised clock fails; where neither tool answers it warns "cannot tell".
/// </summary>
internal sealed partial class ClockCheck(ProcessRunner processes, IOptions<DiagnosticsOptions> options) : DiagnosticCheck
{
    public override string Name => "clock";

    public override string Category => "system";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
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
