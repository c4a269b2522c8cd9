namespace Kiosk.Contract.Events;

/// <summary><c>door.denied</c>: A pass (scanned or remote unlock) was refused.</summary>
/// <param name="Reason">A deny reason (<see cref="Vocabulary.DenyReasons"/>).</param>
/// <param name="Via">scan or remote.</param>
/// <param name="Door">The door, when known.</param>
/// <param name="Sub">The holder, when the token was readable.</param>
public sealed record DoorDenied(
    string Reason,
    string Via,
    string? Door = null,
    string? Sub = null) : KioskEventBody;
