using System.Globalization;

namespace Kiosk.Edge.Configuration.Native;

/// <summary>
/// Whether this process ignores SIGHUP. A process started with SIGHUP ignored (<c>nohup</c>, or a parent that
/// ignored it: the disposition is inherited across <c>execve(2)</c>, signal(7)) keeps ignoring it even after
/// .NET registers a handler, so <c>systemctl reload</c> and <c>kill -HUP</c> would do nothing, silently.
/// systemd starts a service with every signal at its default, so this only happens to a hand-started kiosk.
/// </summary>
internal static class HangUpDisposition
{
    /// <summary>SIGHUP's number on Linux (signal(7)): bit 0 of the masks in /proc/PID/status.</summary>
    private const int HangUp = 1;

    /// <summary>Reads <c>SigIgn</c> from /proc/self/status (proc(5)); false where that file does not exist.</summary>
    internal static bool IsIgnored() =>
        File.Exists("/proc/self/status") && IsIgnored(File.ReadAllText("/proc/self/status"));

    /// <summary>
    /// Whether the <c>SigIgn:</c> line of a /proc/PID/status text (a 64-bit mask in hexadecimal, bit N-1 for
    /// signal N) has SIGHUP's bit. False when the line is missing or is not hexadecimal.
    /// </summary>
    internal static bool IsIgnored(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                return ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask)
                    && (mask & (1UL << (HangUp - 1))) != 0;
            }
        }

        return false;
    }
}
