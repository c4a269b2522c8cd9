using Kiosk.Contract.Events;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class OccupancySavingTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly FakeOccupancy _occupancy = new();
    private readonly List<KioskEventBody> _events = [];
    private readonly OccupancySaving _saving;
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    public OccupancySavingTests() => _saving = new OccupancySaving(_occupancy, TimeSpan.FromMinutes(15));

    [Fact]
    public void Follow_EmptyForSavingAfter_SavesOnceNamingTheFollowers()
    {
        Circuit[] circuits = [_bench.Add("heater", followsOccupancy: true), _bench.Add("fridge"), _bench.Add("light", followsOccupancy: true)];
        _occupancy.Since = _t0;

        _saving.Follow(circuits, _t0.AddMinutes(14.9), _events);
        Assert.False(_saving.Saving);
        _saving.Follow(circuits, _t0.AddMinutes(15), _events);
        _saving.Follow(circuits, _t0.AddMinutes(16), _events);

        Assert.True(_saving.Saving);
        var saving = Assert.IsType<PowerSaving>(Assert.Single(_events));
        Assert.True(saving.Active);
        Assert.Equal(["heater", "light"], saving.Circuits);
    }

    [Fact]
    public void Follow_SomeoneArrives_EndsSaving()
    {
        Circuit[] circuits = [_bench.Add("heater", followsOccupancy: true)];
        _occupancy.Since = _t0;
        _saving.Follow(circuits, _t0.AddHours(1), _events);
        _occupancy.Since = null;
        _saving.Follow(circuits, _t0.AddHours(1), _events);
        Assert.False(_saving.Saving);
        Assert.False(Assert.IsType<PowerSaving>(_events[^1]).Active);
    }

    [Fact]
    public void Follow_StartSaving_EndsAnOperatorsOnForFollowersOnly()
    {
        var follower = _bench.Add("heater", followsOccupancy: true);
        var other = _bench.Add("fridge");
        follower.Manual = true;
        other.Manual = true;
        _occupancy.Since = _t0;

        Assert.True(_saving.Follow([follower, other], _t0.AddHours(1), _events));

        Assert.Null(follower.Manual);
        Assert.True(other.Manual);
    }

    [Fact]
    public void Follow_OperatorsOff_Kept()
    {
        var follower = _bench.Add("heater", followsOccupancy: true);
        follower.Manual = false;
        _occupancy.Since = _t0;
        Assert.False(_saving.Follow([follower], _t0.AddHours(1), _events));
        Assert.False(follower.Manual);
    }

    [Fact]
    public void Follow_NoFollowers_NoEvent()
    {
        _occupancy.Since = _t0;
        _saving.Follow([_bench.Add("fridge")], _t0.AddHours(1), _events);
        Assert.True(_saving.Saving);
        Assert.Empty(_events);
    }

    public void Dispose() => _bench.Dispose();
}
