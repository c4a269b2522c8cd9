using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

/// <summary>Door signals find a cabin by door id only, sensor signals by cabin id: the two differ once a cabin lists its doors.</summary>
public sealed class OccupancyEstimatorCabinIdsTests
{
    [Fact]
    public void DoorChanged_CabinIdThatIsNoneOfItsDoors_ChangesNothing()
    {
        using var f = new OccupancyFixture(Suite(doors: ["a"]));
        f.Estimator.SenseDoor("a");
        f.Opened("a", "scan", "w-1");

        f.Estimator.DoorChanged("suite", open: true, locked: false);
        Assert.Equal(0, f.Estimator.Count("suite"));

        f.Estimator.DoorChanged("a", open: true, locked: false);
        Assert.Equal(1, f.Estimator.Count("suite"));
    }

    [Fact]
    public void DoorOpened_DoorIdThatIsAlsoAnotherCabinsId_CountsInTheCabinTheDoorLeadsInto()
    {
        var options = Suite(doors: ["x"]);
        options.Cabins["x"] = new CabinOptions { Capacity = 2, Doors = ["y"] };
        using var f = new OccupancyFixture(options);

        f.Opened("x", "scan", "w-1");

        Assert.Equal(1, f.Estimator.Count("suite"));
        Assert.Equal(0, f.Estimator.Count("x"));
    }

    [Fact]
    public void SensorSignals_CabinWithListedDoors_FoundByTheCabinId()
    {
        var options = Suite(doors: ["a"]);
        options.Cabins["suite"].BeamAPin = 7;
        options.Cabins["suite"].BeamBPin = 8;
        options.Cabins["suite"].PresencePin = 9;
        using var f = new OccupancyFixture(options);

        f.Estimator.BeamActivity("suite");
        Assert.NotNull(f.CabinState("suite")!["lastActivity"]);

        f.Estimator.BeamCrossed("suite", BeamCrossing.In);
        f.Estimator.BeamCrossed("suite", BeamCrossing.In);
        Assert.Equal(2, f.Estimator.Count("suite"));

        f.Estimator.PresenceChanged("suite", present: true);
        Assert.Equal(true, f.Estimator.Presence("suite"));
    }

    private static OccupancyOptions Suite(List<string> doors)
    {
        var options = new OccupancyOptions();
        options.Cabins["suite"] = new CabinOptions { Capacity = 4, Doors = doors };
        return options;
    }
}
