namespace Kiosk.Contract.Events;

/// <summary><c>maintenance.on</c>: Extension: maintenance mode began.</summary>
/// <param name="Via">scan (a maintenance pass), remote or manual.</param>
/// <param name="Sub">Who, for a pass.</param>
public sealed record MaintenanceOn(
    string Via,
    string? Sub = null) : KioskEventBody;
