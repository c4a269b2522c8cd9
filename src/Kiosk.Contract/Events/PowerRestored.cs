namespace Kiosk.Contract.Events;

/// <summary><c>power.restored</c>: A circuit is back on.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Reason">Extension: <c>cooldown</c>, <c>reset</c>, <c>headroom</c> or <c>sensor_recovered</c>.</param>
/// <param name="Via">For a reset: remote or manual.</param>
/// <param name="Sub">For a reset by command: who.</param>
public sealed record PowerRestored(
    string Circuit,
    string Reason,
    string? Via = null,
    string? Sub = null) : KioskEventBody;
