using Kiosk.Tests.Occupancy;

namespace Kiosk.Tests.Contract;

/// <summary>The occupancy events and the <c>occupancy</c> state section, as the estimator produces them.</summary>
public sealed class OccupancyGoldenTests
{
    [Fact]
    public void Events_FullAndWelfareCheck_MatchGolden()
    {
        var options = OccupancyFixture.Cabin("rest", capacity: 2);
        options.Cabins["life"] = new Kiosk.Edge.Occupancy.CabinOptions { Capacity = 1, PresencePin = 9 };
        using var f = new OccupancyFixture(options);
        f.Opened("rest", "scan", "worker-1");
        f.Opened("rest", "scan", "worker-2");
        f.Time.Advance(TimeSpan.FromMinutes(45));
        f.Estimator.Tick();

        GoldenFile.MatchEvent("occupancy.full", Assert.Single(f.Events("occupancy.full")));
        GoldenFile.MatchEvent("occupancy.welfare_check", Assert.Single(f.Events("occupancy.welfare_check")));
        GoldenFile.Match("state/occupancy", f.State.Get("occupancy")!.ToJsonString());
    }
}
