namespace Kiosk.Edge.Doors;

/// <summary>A door's current alarm (state <c>alarm</c>: null, held_open, forced_open).</summary>
public enum DoorAlarm
{
    None,

    /// <summary>Open longer than <see cref="DoorOptions.HeldOpenAlarm"/> after an authorised opening.</summary>
    HeldOpen,

    /// <summary>Opened while locked, without a pass or the exit button.</summary>
    ForcedOpen,
}
