namespace Kiosk.Contract.Events;

/// <summary><c>intercom.help</c>: The call button asked for help (at most once per repeat interval while pending).</summary>
/// <param name="Repeat">False for the first press of a call, true for a repeat.</param>
/// <param name="Presses">Presses since the call began.</param>
/// <param name="Cabin">The cabin of the call button, when configured.</param>
public sealed record IntercomHelp(
    bool Repeat,
    int Presses,
    string? Cabin = null) : KioskEventBody;
