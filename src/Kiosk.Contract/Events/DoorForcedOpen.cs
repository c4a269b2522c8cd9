namespace Kiosk.Contract.Events;

/// <summary><c>door.forced_open</c>: A door opened while its lock was engaged (forced open).</summary>
/// <param name="Door">The door id.</param>
public sealed record DoorForcedOpen(
    string Door) : KioskEventBody;
