using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;
using Kiosk.Tests.Doors;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

public sealed class OccupancyMonitorTests
{
    [Fact]
    public async Task ExecuteAsync_TickIntervalElapsed_TicksTheEstimator()
    {
        using var rig = new DoorRig();
        using var f = new OccupancyFixture(OccupancyFixture.Cabin());
        using var sensors = f.Sensors(new SimulatedGpioDriver(), TimeSpan.FromMilliseconds(30));
        using var feed = new DoorContactFeed(rig.Doors, f.Estimator);
        using var monitor = new OccupancyMonitor(f.Estimator, sensors, feed, Options.Create(f.Options), f.Time);
        f.Passed("rest", "scan", "w-1");
        var ct = TestContext.Current.CancellationToken;

        await monitor.StartAsync(ct);
        f.Time.Advance(f.Options.WelfareAfter);

        // ExecuteAsync runs on the thread pool and its timer may start after any given Advance: keep
        // moving the clock one interval at a time until a tick has raised the due welfare check.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (f.Events("occupancy.welfare_check").Count == 0)
        {
            f.Time.Advance(f.Options.TickInterval);
            await Task.Delay(20, timeout.Token);
        }

        await monitor.StopAsync(ct);
        Assert.Single(f.Events("occupancy.welfare_check"));
    }
}
