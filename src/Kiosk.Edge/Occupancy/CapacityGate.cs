using Kiosk.Edge.Access;
using Kiosk.Edge.Doors;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Refuses a pass with <c>full</c> while its cabin is at capacity. A maintenance crew still gets in
/// (they come to fix things, not to rest), and nothing here ever touches the exit side.
/// </summary>
internal sealed class CapacityGate(OccupancyEstimator occupancy) : AccessGate
{
    public override string? Refuse(Door door, string role, string sub) =>
        role != DoorRoles.Maintenance && occupancy.IsFull(door.Id) ? "full" : null;
}
