namespace Kiosk.Edge.Doors;

/// <summary>What the lock does without power: a wiring fact of the installed lock.</summary>
public enum DoorFailMode
{
    /// <summary>Unlocked when unpowered (maglocks): the relay is energised to lock.</summary>
    FailSafe,

    /// <summary>Locked when unpowered (most strikes and motor locks): the relay is energised to unlock.</summary>
    FailSecure,
}
