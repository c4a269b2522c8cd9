using Kiosk.Edge.Doors;

namespace Kiosk.Edge.Access;

/// <summary>
/// A feature's say in whether a verified pass may open a door now (occupancy: <c>full</c>).
/// Registered per feature; consulted after the token and door checks, before the pass is used up,
/// so a refused pass can be scanned again once the reason has gone.
/// </summary>
internal abstract class AccessGate
{
    /// <summary>Returns a contract deny reason, or null to let the pass through.</summary>
    public abstract string? Refuse(Door door, string role, string sub);
}
