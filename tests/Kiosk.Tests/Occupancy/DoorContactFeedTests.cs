using Kiosk.Edge.Doors;
using Kiosk.Edge.Occupancy;
using Kiosk.Tests.Doors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

/// <summary>Real doors on the simulated board feeding an estimator on the doors' own journal.</summary>
public sealed class DoorContactFeedTests : IDisposable
{
    private readonly DoorRig _rig = new();
    private readonly OccupancyEstimator _estimator;

    public DoorContactFeedTests() =>
        _estimator = new OccupancyEstimator(
            Options.Create(OccupancyFixture.Cabin()), _rig.Journal, _rig.State, _rig.Time, NullLogger<OccupancyEstimator>.Instance);

    [Fact]
    public void Feed_PassGranted_CountsOnlyWhenTheDoorOpens()
    {
        using var feed = new DoorContactFeed(_rig.Doors, _estimator);

        _rig.Rest.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));
        Assert.Equal(0, _estimator.Count("rest"));

        _rig.MoveDoor("rest", open: true);
        Assert.Equal(1, _estimator.Count("rest"));
    }

    [Fact]
    public void Feed_PassGrantedAndTheDoorRelockedUnopened_CountsNothing()
    {
        using var feed = new DoorContactFeed(_rig.Doors, _estimator);

        _rig.Rest.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));
        _rig.Time.Advance(_rig.Options.Cabins["rest"].UnlockTime);
        _rig.MoveDoor("rest", open: true);

        Assert.Equal(0, _estimator.Count("rest"));
    }

    [Fact]
    public void Dispose_DoorOpensAfterwards_NothingSettled()
    {
        var feed = new DoorContactFeed(_rig.Doors, _estimator);
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));

        feed.Dispose();
        _rig.MoveDoor("rest", open: true);

        Assert.Equal(0, _estimator.Count("rest"));
    }

    public void Dispose()
    {
        _estimator.Dispose();
        _rig.Dispose();
    }
}
