using Kiosk.Edge.Health;

namespace Kiosk.Tests.Health;

/// <summary>Stands in for the door control loop: beats every second of fake time until it hangs.</summary>
internal sealed class FakeDoorLoop : IDisposable
{
    private readonly ITimer _timer;

    public FakeDoorLoop(HealthMonitor health, TimeProvider time)
    {
        _timer = time.CreateTimer(_ => health.Beat(HealthMonitor.DoorLoop), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The loop stops iterating (a deadlock, a blocked GPIO call): no more beats.</summary>
    public void Hang() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();
}
