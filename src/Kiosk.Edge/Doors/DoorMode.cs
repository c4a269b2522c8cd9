namespace Kiosk.Edge.Doors;

/// <summary>How a door behaves; set by the <c>mode</c> command. Wire names in <see cref="DoorModes"/>.</summary>
public enum DoorMode
{
    /// <summary>Locked; a valid pass or the exit button releases it for the unlock time.</summary>
    Normal,

    /// <summary>The lock is released continuously (cleaning, events).</summary>
    HoldOpen,

    /// <summary>Stays locked and passes are refused, but the exit button still opens it.</summary>
    OutOfService,
}
