using Kiosk.Contract.Events;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Power;

public sealed class LoadShedderTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly List<KioskEventBody> _events = [];
    private readonly PowerOptions _options = new() { KioskLimitWatts = 1000, ShedAfter = TimeSpan.FromSeconds(1), ShedCooldown = TimeSpan.FromSeconds(60), ShedRestoreBelowPercent = 90 };
    private readonly FakeLogger _logger = new();
    private readonly LoadShedder _shedder;
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    public LoadShedderTests() => _shedder = new LoadShedder(_options, _logger);

    [Fact]
    public void ShedOrRestore_OverTheLimitForShedAfter_ShedsLowestPriorityUntilItFits()
    {
        Circuit[] circuits = [Draw(_bench.Add("heater", priority: 1), 600), Draw(_bench.Add("kettle", priority: 0), 300), Draw(_bench.Add("fridge", priority: 5), 300)];

        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(0.9), _events);
        Assert.Empty(_events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);

        Assert.Equal([new PowerShed("kettle", 300, 1200, 1000, "kiosk_limit")], _events);
        Assert.True(circuits[1].Shed);
        Assert.Equal(300, circuits[1].ShedWatts);
        Assert.False(circuits[0].Shed || circuits[2].Shed);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal("Circuit kettle shed: it drew 300 W with the kiosk at 1200 W of 1000 W", log.Message);
    }

    [Fact]
    public void ShedOrRestore_ProjectedTotalExactlyAtTheLimit_ShedsNoMore()
    {
        Circuit[] circuits = [Draw(_bench.Add("a", priority: 0), 200), Draw(_bench.Add("b", priority: 1), 200), Draw(_bench.Add("c", priority: 5), 800)];

        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);

        Assert.Equal([true, false, false], circuits.Select(c => c.Shed));
    }

    [Fact]
    public void ShedOrRestore_TotalExactlyAtTheLimit_NotOverSoARestoreIsNotHeldBack()
    {
        Circuit[] circuits = [Draw(_bench.Add("shed"), 0), Draw(_bench.Add("base"), 1000)];
        circuits[0].Shed = true;
        circuits[0].ShedWatts = 100;
        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events); // at the limit for ShedAfter: no shedding round

        circuits[1].Watts = 700;
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(2), _events);

        Assert.Equal([new PowerRestored("shed", "headroom")], _events);
    }

    [Fact]
    public void ShedOrRestore_SamePriority_ShedsInIdOrder()
    {
        Circuit[] circuits = [Draw(_bench.Add("b"), 600), Draw(_bench.Add("a"), 600)];

        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);

        Assert.Equal("a", Assert.IsType<PowerShed>(Assert.Single(_events)).Circuit);
    }

    [Fact]
    public void ShedOrRestore_SamePriority_RestoresInIdOrder()
    {
        Circuit[] circuits = [Draw(_bench.Add("b"), 0), Draw(_bench.Add("a"), 0)];
        circuits[0].Shed = circuits[1].Shed = true;
        circuits[0].ShedWatts = circuits[1].ShedWatts = 300;

        _shedder.ShedOrRestore(circuits, _t0, _events);

        Assert.Equal([new PowerRestored("a", "headroom")], _events);
    }

    [Fact]
    public void ShedOrRestore_UnfedCircuitWithAFaultyMeter_NeitherCountedNorShed()
    {
        // Draw() counts a faulty meter at its limit, but only for circuits that are fed.
        var cut = _bench.Add("cut", limit: 1000, priority: 0, on: false);
        cut.Fault = MeterFault.NoAnswer;
        Circuit[] circuits = [cut, Draw(_bench.Add("big", priority: 1), 1500)];

        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);

        Assert.False(cut.Shed);
        Assert.True(circuits[1].Shed);
        Assert.Equal(new PowerShed("big", 1500, 1500, 1000, "kiosk_limit"), Assert.Single(_events));
    }

    [Fact]
    public void ShedOrRestore_DipUnderTheLimit_StartsTheDelayAgain()
    {
        Circuit[] circuits = [Draw(_bench.Add("a"), 1200)];
        _shedder.ShedOrRestore(circuits, _t0, _events);
        circuits[0].Watts = 900;
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(0.5), _events);
        circuits[0].Watts = 1200;
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);
        Assert.Empty(_events);
    }

    [Fact]
    public void ShedOrRestore_CircuitDrawingNothing_NotShed()
    {
        Circuit[] circuits = [Draw(_bench.Add("idle", priority: 0), 0), Draw(_bench.Add("big", priority: 1), 1500)];
        _shedder.ShedOrRestore(circuits, _t0, _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(1), _events);
        Assert.False(circuits[0].Shed);
        Assert.True(circuits[1].Shed);
    }

    [Fact]
    public void Draw_FaultyMeter_CountsAtTheLimit()
    {
        var c = Draw(_bench.Add("a", limit: 700), 5);
        Assert.Equal(5, LoadShedder.Draw(c));
        c.Fault = MeterFault.NoAnswer;
        Assert.Equal(700, LoadShedder.Draw(c));
        c.Fault = null;
        c.Watts = -2;
        Assert.Equal(0, LoadShedder.Draw(c));
    }

    [Fact]
    public void ShedOrRestore_HeadroomAfterTheCooldown_RestoresHighestPriorityFirstOneAtATime()
    {
        Circuit[] circuits = [Draw(_bench.Add("low", priority: 0), 0), Draw(_bench.Add("high", priority: 9), 0), Draw(_bench.Add("base"), 200)];
        circuits[0].Shed = circuits[1].Shed = true;
        circuits[0].ShedWatts = circuits[1].ShedWatts = 300;
        _shedder.ShedOrRestore(circuits, _t0, _events);
        Assert.Equal([new PowerRestored("high", "headroom")], _events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(59), _events);
        Assert.Single(_events);
        _shedder.ShedOrRestore(circuits, _t0.AddSeconds(60), _events);
        Assert.Equal(new PowerRestored("low", "headroom"), _events[^1]);
    }

    [Fact]
    public void ShedOrRestore_NotEnoughHeadroom_StaysShed()
    {
        Circuit[] circuits = [Draw(_bench.Add("shed"), 0), Draw(_bench.Add("base"), 600)];
        circuits[0].Shed = true;
        circuits[0].ShedWatts = 301;
        _shedder.ShedOrRestore(circuits, _t0, _events);
        Assert.Empty(_events);
        circuits[0].ShedWatts = 300;
        _shedder.ShedOrRestore(circuits, _t0, _events);
        Assert.Single(_events);
    }

    public void Dispose() => _bench.Dispose();

    private static Circuit Draw(Circuit c, double watts)
    {
        c.Watts = watts;
        return c;
    }
}
