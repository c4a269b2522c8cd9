using Kiosk.FleetSim.Runner;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.FleetSim.Tests.Behaviour;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void GetUtcNow_SixtyTimes_AMinutePerWallSecond_TimersFireOnTheScaledSpan()
    {
        var wall = new FakeTimeProvider();
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8));
        var clock = new ScaledTimeProvider(wall, start, 60);
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);

        wall.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start.AddMinutes(1), clock.GetUtcNow());
        Assert.False(fired);
        wall.Advance(TimeSpan.FromSeconds(1));
        Assert.True(fired);
    }
}
