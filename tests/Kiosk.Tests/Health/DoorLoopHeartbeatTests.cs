using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Kiosk.Tests.Doors;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Health;

public sealed class DoorLoopHeartbeatTests : IDisposable
{
    private readonly DoorRig _rig = new();
    private readonly StateBoard _board = new();
    private readonly IOptions<HealthOptions> _options = Options.Create(new HealthOptions
    {
        Loops = { [HealthMonitor.DoorLoop] = TimeSpan.FromSeconds(5) },
    });

    [Fact]
    public void Interval_DoorDeadlineFiveSeconds_ProbesTwiceWithinIt()
    {
        using var heartbeat = new DoorLoopHeartbeat(_rig.Doors, new HealthMonitor(_rig.Time, _board, _options), _options, _rig.Time);

        Assert.Equal(TimeSpan.FromSeconds(2.5), heartbeat.Interval);
    }

    [Fact]
    public void Probe_DoorsAnswer_KeepsServiceLive()
    {
        var health = new HealthMonitor(_rig.Time, _board, _options);
        using var heartbeat = new DoorLoopHeartbeat(_rig.Doors, health, _options, _rig.Time);

        for (var i = 0; i < 30; i++)
        {
            _rig.Time.Advance(heartbeat.Interval);
            heartbeat.Probe();
        }

        Assert.True(health.Evaluate().Live);
    }

    [Fact]
    public void Probe_StopsWhileDoorsKeepWorking_ServiceNotLive()
    {
        var health = new HealthMonitor(_rig.Time, _board, _options);
        using var heartbeat = new DoorLoopHeartbeat(_rig.Doors, health, _options, _rig.Time);
        heartbeat.Probe();

        _rig.Time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([HealthMonitor.DoorLoop], health.Evaluate().SilentLoops);
    }

    public void Dispose() => _rig.Dispose();
}
