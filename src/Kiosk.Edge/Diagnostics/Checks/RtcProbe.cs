namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// Whether the board has a battery-backed real-time clock, for the <c>clock</c> check: the kernel's
/// view on a real board (<see cref="SysfsRtcProbe"/>), the simulated board's clock chip in
/// development and tests (<see cref="Simulation.SimulatedRtc"/>).
/// </summary>
internal abstract class RtcProbe
{
    /// <summary>
    /// Present, with a short detail such as "RTC present (rtc0: rtc-ds1307)" or
    /// "no RTC (/dev/rtc0 missing, /sys/class/rtc empty)".
    /// </summary>
    public abstract (bool Present, string Detail) Probe();
}
