using Kiosk.Edge.Doors;
using Kiosk.Edge.Occupancy;
using Kiosk.Tests.Doors;

namespace Kiosk.Tests.Occupancy;

public sealed class CapacityGateTests
{
    [Fact]
    public void Refuse_CabinAtCapacity_FullForAllButMaintenance()
    {
        using var rig = new DoorRig();
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(capacity: 1));
        var gate = new CapacityGate(f.Estimator);
        Assert.Null(gate.Refuse(rig.Rest, DoorRoles.Worker, "w-1"));

        f.Opened("rest", "scan", "w-1");

        Assert.Equal("full", gate.Refuse(rig.Rest, DoorRoles.Worker, "w-2"));
        Assert.Equal("full", gate.Refuse(rig.Rest, DoorRoles.Operator, "o-1"));
        Assert.Null(gate.Refuse(rig.Rest, DoorRoles.Maintenance, "m-1"));
    }

    [Fact]
    public void Refuse_DoorOfNoOccupancyCabin_NeverFull()
    {
        using var rig = new DoorRig();
        using var f = new OccupancyFixture(OccupancyFixture.Cabin(capacity: 1));
        f.Opened("rest", "scan", "w-1");

        Assert.Null(new CapacityGate(f.Estimator).Refuse(rig.Life, DoorRoles.Worker, "w-2"));
    }
}
