namespace Kiosk.Edge.Doors;

/// <summary>
/// The door's decisions, each a pure function of its state (the transitions that use them are in
/// <see cref="DoorMachine"/>): which openings a mode admits, when the lock is released, when an
/// opening contact is forced open, when the held-open alarm is due, and what a mode change does
/// to the release and the alarm.
/// </summary>
internal static class DoorRules
{
    /// <summary>
    /// out_of_service refuses scans and remote openings unless the role is maintenance; exit and
    /// manual openings are always admitted: people must never be locked in.
    /// </summary>
    public static bool Admits(DoorMode mode, DoorOpening opening) =>
        mode != DoorMode.OutOfService
        || opening.Via is not (DoorVia.Scan or DoorVia.Remote)
        || opening.Role == DoorRoles.Maintenance;

    /// <summary>The lock output is released in hold_open and during an authorised opening; locked otherwise (the safe state).</summary>
    public static bool IsReleased(DoorMode mode, bool released) => mode == DoorMode.HoldOpen || released;

    /// <summary>The contact opened while the lock was not released: forced open.</summary>
    public static bool IsForcedOpen(DoorMode mode, bool released) => !IsReleased(mode, released);

    /// <summary>
    /// The held-open time elapsed: an alarm when the door is still open, has no alarm yet (a forced
    /// opening keeps its own) and is not held open on purpose.
    /// </summary>
    public static bool IsHeldOpen(DoorMode mode, bool contactOpen, DoorAlarm alarm) =>
        contactOpen && alarm == DoorAlarm.None && mode != DoorMode.HoldOpen;

    /// <summary>
    /// The release after a mode change: hold_open keeps it (the mode releases anyway); any other
    /// mode ends it, except that an open door stays released until it closes (it relocks then).
    /// </summary>
    public static bool ReleasedAfterModeChange(DoorMode mode, bool released, bool contactOpen) =>
        mode == DoorMode.HoldOpen ? released : contactOpen;

    /// <summary>The alarm after a mode change: hold_open clears a held-open alarm (held open on purpose).</summary>
    public static DoorAlarm AlarmAfterModeChange(DoorMode mode, DoorAlarm alarm) =>
        mode == DoorMode.HoldOpen && alarm == DoorAlarm.HeldOpen ? DoorAlarm.None : alarm;

    /// <summary>The state's <c>alarm</c> value: null, held_open or forced_open.</summary>
    public static string? ToWire(this DoorAlarm alarm) => alarm switch
    {
        DoorAlarm.HeldOpen => "held_open",
        DoorAlarm.ForcedOpen => "forced_open",
        _ => null,
    };
}
