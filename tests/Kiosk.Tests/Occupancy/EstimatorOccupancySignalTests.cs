using Kiosk.Edge.Occupancy;
using Kiosk.Edge.Power;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Tests.Occupancy;

public sealed class EstimatorOccupancySignalTests
{
    [Fact]
    public void Composition_OccupancyRegisteredAfterPower_SavingFollowsTheEstimate()
    {
        var services = new ServiceCollection();
        services.AddSingleton<OccupancySignal, DummySignal>();
        services.AddSingleton<OccupancySignal, EstimatorOccupancySignal>();
        Assert.Equal(typeof(EstimatorOccupancySignal), services.Last(d => d.ServiceType == typeof(OccupancySignal)).ImplementationType);
    }

    [Fact]
    public void EmptySince_EveryCabinEmpty_TheFirstMomentSeenEmptyAndKept()
    {
        using var f = new OccupancyFixture(TwoCabins());
        var signal = new EstimatorOccupancySignal(f.Estimator, f.Time);
        var start = f.Time.GetUtcNow();

        Assert.Equal(start, signal.EmptySince);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(start, signal.EmptySince);
    }

    [Fact]
    public void EmptySince_OneCabinOccupied_NullUntilItEmptiesAgain()
    {
        using var f = new OccupancyFixture(TwoCabins());
        var signal = new EstimatorOccupancySignal(f.Estimator, f.Time);
        Assert.NotNull(signal.EmptySince);

        f.Opened("rest", "scan", "w-1");
        Assert.Null(signal.EmptySince);

        f.Time.Advance(TimeSpan.FromMinutes(5));
        f.Opened("rest", "exit");
        Assert.Equal(f.Time.GetUtcNow(), signal.EmptySince);
    }

    private static OccupancyOptions TwoCabins()
    {
        var options = OccupancyFixture.Cabin();
        options.Cabins["life"] = new CabinOptions { Capacity = 2 };
        return options;
    }

    private sealed class DummySignal : OccupancySignal
    {
        public override DateTimeOffset? EmptySince => null;
    }
}
