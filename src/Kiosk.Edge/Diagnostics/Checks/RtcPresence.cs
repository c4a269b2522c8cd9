namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// Whether the board has a battery-backed real-time clock: the kernel lists every RTC under
/// <c>/sys/class/rtc/rtcN</c> (with its driver in <c>name</c>, e.g. <c>rtc-ds1307</c> for a DS3231)
/// and udev creates <c>/dev/rtc0</c>. Without one the clock restarts from the last saved time (or
/// 1970) after a power cut (docs/rtc.md).
/// </summary>
internal static class RtcPresence
{
    /// <summary>A short description such as "RTC present (rtc0: rtc-ds1307)" or "no RTC (/dev/rtc0 missing, /sys/class/rtc empty)".</summary>
    public static (bool Present, string Detail) Probe(string devicePath, string classDirectory)
    {
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

        var device = File.Exists(devicePath);
        if (clocks.Count > 0)
        {
            return (true, $"RTC present ({string.Join(", ", clocks)}){(device ? "" : $", but {devicePath} missing")}");
        }

        return device ? (true, $"RTC present ({devicePath})") : (false, $"no RTC ({devicePath} missing, {classDirectory} empty)");
    }
}
