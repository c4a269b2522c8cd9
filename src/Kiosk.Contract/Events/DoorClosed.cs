namespace Kiosk.Contract.Events;

/// <summary><c>door.closed</c>: A door's contact closed (the lock relocks at once).</summary>
/// <param name="Door">The door id.</param>
public sealed record DoorClosed(
    string Door) : KioskEventBody;
