using Kiosk.Edge.Diagnostics.Checks;

namespace Kiosk.Edge.Diagnostics.Simulation;

/// <summary>
/// The simulated board's real-time clock: present, until <c>kioskctl sim fault --fault rtc_missing</c>
/// takes it away (a board whose RTC module was never fitted, or whose overlay is missing).
/// </summary>
internal sealed class SimulatedRtc(SimulatedFaults faults) : RtcProbe
{
    /// <summary>The fault's name in <see cref="SimulatedFaults"/>.</summary>
    public const string MissingFault = "rtc_missing";

    public override (bool Present, string Detail) Probe() =>
        faults.IsActive(MissingFault)
            ? (false, "no RTC (simulated board, fault rtc_missing)")
            : (true, "RTC present (simulated)");
}
