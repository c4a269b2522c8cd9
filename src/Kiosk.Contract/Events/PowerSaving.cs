namespace Kiosk.Contract.Events;

/// <summary><c>power.saving</c>: Extension: energy saving began (the station is empty) or ended.</summary>
/// <param name="Active">True when saving began.</param>
/// <param name="Circuits">The circuits that follow occupancy.</param>
public sealed record PowerSaving(
    bool Active,
    IReadOnlyList<string> Circuits) : KioskEventBody;
