namespace Kiosk.Contract.Events;

/// <summary><c>system.started</c>: The service started (once per start), so the fleet sees every restart.</summary>
/// <param name="Version">The kiosk software version, e.g. <c>0.1.0</c>.</param>
/// <param name="Boot">Service starts on this state directory (as in <c>status</c>).</param>
public sealed record SystemStarted(
    string Version,
    long Boot) : KioskEventBody;
