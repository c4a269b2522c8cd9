using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary>Ticks the estimator (emptiness, welfare checks, day boundary); the sensors and door contacts are wired when it starts.</summary>
internal sealed class OccupancyMonitor(
    OccupancyEstimator estimator,
    OccupancySensors sensors,
    DoorContactFeed doors,
    IOptions<OccupancyOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GC.KeepAlive(sensors);
        GC.KeepAlive(doors);
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                estimator.Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
