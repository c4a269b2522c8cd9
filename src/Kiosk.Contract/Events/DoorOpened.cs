namespace Kiosk.Contract.Events;

/// <summary><c>door.opened</c>: A door's lock was released (contract v1).</summary>
/// <param name="Door">The door (cabin) id.</param>
/// <param name="Via"><see cref="Vocabulary.Vias"/>: scan, remote, exit or manual.</param>
/// <param name="Sub">The pass holder's pseudonymous id, when a token opened it.</param>
/// <param name="Role">The holder's role (<see cref="Vocabulary.Roles"/>), when a token opened it.</param>
public sealed record DoorOpened(
    string Door,
    string Via,
    string? Sub = null,
    string? Role = null) : KioskEventBody;
