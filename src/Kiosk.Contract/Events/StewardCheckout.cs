namespace Kiosk.Contract.Events;

/// <summary><c>steward.checkout</c>: A steward's pass with <c>act</c> = <c>checkout</c> opened a door: attendance ended.</summary>
/// <param name="Sub">The steward's pseudonymous id.</param>
/// <param name="Door">The door opened.</param>
/// <param name="Via">scan or remote.</param>
public sealed record StewardCheckout(
    string Sub,
    string Door,
    string Via) : KioskEventBody;
