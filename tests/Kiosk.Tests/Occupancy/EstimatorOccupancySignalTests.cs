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

    private sealed class DummySignal : OccupancySignal
    {
        public override DateTimeOffset? EmptySince => null;
    }
}
