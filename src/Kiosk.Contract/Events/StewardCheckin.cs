namespace Kiosk.Contract.Events;

/// <summary><c>steward.checkin</c>: A steward's pass with <c>act</c> = <c>checkin</c> opened a door: attendance began.</summary>
/// <param name="Sub">The steward's pseudonymous id.</param>
/// <param name="Door">The door opened.</param>
/// <param name="Via">scan or remote.</param>
public sealed record StewardCheckin(
    string Sub,
    string Door,
    string Via) : KioskEventBody;
