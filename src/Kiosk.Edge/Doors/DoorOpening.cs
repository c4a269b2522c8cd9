namespace Kiosk.Edge.Doors;

/// <summary>
/// An authorised opening: how it was asked for and, when known, the pseudonymous holder and role
/// from the pass (recorded in <c>door.opened</c>; never a token or personal data).
/// </summary>
public sealed record DoorOpening(DoorVia Via, string? Sub = null, string? Role = null);
