namespace Kiosk.Edge.Doors;

/// <summary>What the hardware and the door's timers tell a <see cref="Door"/> (one step of its state machine).</summary>
internal enum DoorSignal
{
    ContactOpened,
    ContactClosed,
    ExitPressed,

    /// <summary>The unlock time elapsed.</summary>
    UnlockTimeElapsed,

    /// <summary>The door has been open for the held-open alarm time.</summary>
    HeldOpenTimeElapsed,
}
