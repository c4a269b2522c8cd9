namespace Kiosk.Contract.Events;

/// <summary><c>maintenance.off</c>: Extension: maintenance mode ended.</summary>
/// <param name="Via">remote, manual or timeout.</param>
/// <param name="Sub">Who, for a pass or command.</param>
public sealed record MaintenanceOff(
    string Via,
    string? Sub = null) : KioskEventBody;
