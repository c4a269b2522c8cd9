using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// Whether the board has a battery-backed real-time clock: the kernel lists every RTC under
/// <c>/sys/class/rtc/rtcN</c> (with its driver in <c>name</c>, e.g. <c>rtc-ds1307</c> for a DS3231)
/// and udev creates <c>/dev/rtc0</c>. Without one the clock restarts from the last saved time (or
/// 1970) after a power cut (docs/rtc.md). The paths are <c>Diagnostics:RtcDevicePath</c> and
/// <c>Diagnostics:RtcClassDirectory</c>.
/// </summary>
internal sealed class SysfsRtcProbe(IOptions<DiagnosticsOptions> options) : RtcProbe
{
    public override (bool Present, string Detail) Probe()
    {
        var devicePath = options.Value.RtcDevicePath;
        var classDirectory = options.Value.RtcClassDirectory;
        var clocks = new List<string>();
        try
        {
            if (Directory.Exists(classDirectory))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(classDirectory, "rtc*").Order(StringComparer.Ordinal))
                {
                    var name = Path.Combine(entry, "name");
                    clocks.Add(File.Exists(name) ? $"{Path.GetFileName(entry)}: {File.ReadAllText(name).Trim()}" : Path.GetFileName(entry));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            clocks.Add($"{classDirectory} unreadable ({e.GetType().Name})");
        }

        // Present means the configured device exists: hwclock and udev's hwclock-set go through it,
        // so a clock the kernel lists without its node cannot be set or read by them.
        var device = File.Exists(devicePath);
        var listed = string.Join(", ", clocks);
        return (device, clocks.Count > 0) switch
        {
            (true, true) => (true, $"RTC present ({listed})"),
            (true, false) => (true, $"RTC present ({devicePath})"),
            (false, true) => (false, $"RTC listed ({listed}) but {devicePath} missing"),
            (false, false) => (false, $"no RTC ({devicePath} missing, {classDirectory} empty)"),
        };
    }
}
