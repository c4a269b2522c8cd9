using System.Text.Json.Nodes;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

/// <summary>The diagnostics circuit test switches through Operate and then puts the operator's decision back.</summary>
public sealed class PowerGuardRestoreManualTests : IDisposable
{
    private readonly PowerRig _rig = new();
    private readonly FakeMeter _meter;

    public PowerGuardRestoreManualTests()
    {
        _rig.Options.PersistEvery = TimeSpan.FromHours(1);
        _meter = _rig.Add("heater", limit: 2000);
        _meter.Watts = 100;
        _rig.Build();
    }

    [Fact]
    public void RestoreManual_AfterTheTestSwitchedItOff_AutomaticAgainSwitchedWrittenAndShown()
    {
        _rig.Guard.Operate("heater", PowerAction.Off, "diag", null);
        Assert.False(_rig.IsOn("heater"));

        _rig.Guard.RestoreManual("heater", null);

        Assert.True(_rig.IsOn("heater"));
        using (var store = new EnergyStore(_rig.StorePath))
        {
            Assert.Null(store.Load()["heater"].Manual);
        }

        Assert.True(Board()["on"]!.GetValue<bool>());
        Assert.Null(Board()["manual"]);
    }

    [Fact]
    public void RestoreManual_UnknownCircuit_NothingChanges()
    {
        var changes = 0;
        _rig.State.Changed += _ => changes++;

        _rig.Guard.RestoreManual("sauna", false);

        Assert.Equal(0, changes);
        Assert.True(_rig.IsOn("heater"));
        Assert.Null(_rig.Guard.Describe("sauna"));
    }

    [Fact]
    public void RestoreManual_SameDecision_BoardShowsTheLatestReading()
    {
        _rig.Sample();
        _rig.Sample();
        _meter.Watts = 300;
        _rig.Sample();
        Assert.Equal(100, Board()["watts"]!.GetValue<double>());

        _rig.Guard.RestoreManual("heater", null);

        Assert.Equal(300, Board()["watts"]!.GetValue<double>());
    }

    public void Dispose() => _rig.Dispose();

    private JsonNode Board() => _rig.State.Get("circuits")!["heater"]!;
}
