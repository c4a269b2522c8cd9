namespace Kiosk.Contract.Events;

/// <summary><c>door.held_open</c>: A door stayed open past its held-open alarm time.</summary>
/// <param name="Door">The door id.</param>
public sealed record DoorHeldOpen(
    string Door) : KioskEventBody;
