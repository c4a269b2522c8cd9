using System.Text.Json.Nodes;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

/// <summary>What the guard puts on the state board (the <c>circuits</c> section MQTT and kioskctl show), and when.</summary>
public sealed class PowerGuardPublishingTests : IDisposable
{
    private readonly PowerRig _rig = new();

    [Fact]
    public void Constructor_BeforeTheFirstSample_CircuitsOnTheBoard()
    {
        _rig.Add("outlet", limit: 1000);
        _rig.Add("heater", limit: 2000, normallyOn: false);

        _rig.Build();

        Assert.True(Board("outlet")["on"]!.GetValue<bool>());
        Assert.False(Board("heater")["on"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_Trip_OnTheBoardAtOnce()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        meter.Watts = 2500;

        _rig.Run(TimeSpan.FromSeconds(10), () => !_rig.IsOn("outlet"));

        Assert.True(Board("outlet")["tripped"]!.GetValue<bool>());
        Assert.False(Board("outlet")["on"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_OnlyTheLoadMoves_BoardRefreshedEveryFiveSecondsNotEverySample()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
        _rig.Sample(); // the sample after a change (here: the start) is always shown
        var changes = 0;
        _rig.State.Changed += _ => changes++;

        for (var i = 1; i <= 16; i++)
        {
            meter.Watts = 10 * i;
            _rig.Sample(); // 4 s of samples, each with a new reading
        }

        Assert.Equal(0, changes);
        _rig.Run(TimeSpan.FromSeconds(1)); // 5 s after the last refresh

        Assert.Equal(1, changes);
        Assert.Equal(160, Board("outlet")["watts"]!.GetValue<double>());
    }

    [Fact]
    public void Operate_NothingToChange_BoardShowsTheLatestReading()
    {
        var meter = _rig.Add("outlet", limit: 1000);
        meter.Watts = 100;
        _rig.Build();
        _rig.Sample();
        _rig.Sample();
        meter.Watts = 300;
        _rig.Sample();
        Assert.Equal(100, Board("outlet")["watts"]!.GetValue<double>()); // a measurement alone waits for the refresh

        _rig.Guard.Operate("outlet", PowerAction.Reset, "remote", "op-1");

        Assert.Equal(300, Board("outlet")["watts"]!.GetValue<double>());
    }

    public void Dispose() => _rig.Dispose();

    private JsonNode Board(string circuit) => _rig.State.Get("circuits")![circuit]!;
}
