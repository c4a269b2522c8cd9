namespace Kiosk.Contract.Events;

/// <summary><c>power.switched</c>: Extension: a circuit was switched on or off by command or by hand.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="On">The new manual setting.</param>
/// <param name="Via">remote or manual.</param>
/// <param name="Sub">Who, for a command.</param>
public sealed record PowerSwitched(
    string Circuit,
    bool On,
    string Via,
    string? Sub = null) : KioskEventBody;
