using Kiosk.Contract.Events;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class DoorOccupancySignalTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Fact]
    public void EmptySince_NoEntryYet_TheStart()
    {
        using var signal = new DoorOccupancySignal(_rig.Journal, _rig.Time);
        var start = _rig.Time.GetUtcNow();
        _rig.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(start, signal.EmptySince);
    }

    [Fact]
    public void Dispose_ThenSomeoneEnters_NoLongerFollowsTheDoors()
    {
        var signal = new DoorOccupancySignal(_rig.Journal, _rig.Time);
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.Journal.Append(new DoorOpened("rest", "scan", "w-1"));
        var entered = _rig.Time.GetUtcNow();
        Assert.Equal(entered, signal.EmptySince);

        signal.Dispose();
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        _rig.Journal.Append(new DoorOpened("rest", "scan", "w-2"));

        Assert.Equal(entered, signal.EmptySince);
    }

    public void Dispose() => _rig.Dispose();
}
