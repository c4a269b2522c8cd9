using Kiosk.Contract.Events;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class OperatorActionTests : IDisposable
{
    private readonly CircuitBench _bench = new();

    [Theory]
    [InlineData(PowerAction.On, true)]
    [InlineData(PowerAction.Off, false)]
    public void Apply_OnOrOff_SetsTheManualDecisionAndRecordsSwitched(PowerAction action, bool on)
    {
        var c = _bench.Add("heater");

        var recorded = OperatorAction.Apply(c, action, saving: false, "remote", "op-1");

        Assert.Equal(on, c.Manual);
        Assert.Equal(new PowerSwitched("heater", on, "remote", "op-1"), recorded);
    }

    [Theory]
    [InlineData(true, false, null)]
    [InlineData(false, true, null)]
    [InlineData(false, false, MeterFault.NoAnswer)]
    public void Apply_ResetWhileProtectionKeepsItOff_ClearsAndRecordsRestored(bool tripped, bool lockedOut, MeterFault? fault)
    {
        var c = _bench.Add("heater");
        c.Tripped = tripped;
        c.LockedOut = lockedOut;
        c.Fault = fault;
        c.RecentTrips.Enqueue(CircuitBench.T0);
        c.TripProgress = 0.5;

        var recorded = OperatorAction.Apply(c, PowerAction.Reset, saving: false, "local", null);

        Assert.Equal(new PowerRestored("heater", "reset", "local", null), recorded);
        Assert.False(c.Tripped || c.LockedOut);
        Assert.Null(c.Fault);
        Assert.Empty(c.RecentTrips);
        Assert.Equal(0, c.TripProgress);
    }

    [Fact]
    public void Apply_ResetWithNothingToClear_RecordsNothing()
    {
        var c = _bench.Add("heater");
        Assert.Null(OperatorAction.Apply(c, PowerAction.Reset, saving: false, "local", null));
    }

    [Fact]
    public void Apply_ResetOfAFaultThatStaysOnByItsSafeState_RecordsNothingButClears()
    {
        var c = _bench.Add("fridge", safeState: SafeState.On);
        c.Fault = MeterFault.NoAnswer;

        Assert.Null(OperatorAction.Apply(c, PowerAction.Reset, saving: false, "local", null));
        Assert.Null(c.Fault);
    }

    [Fact]
    public void Apply_ResetOfATrippedCircuitTheOperatorSwitchedOff_RecordsRestored()
    {
        var c = _bench.Add("heater");
        c.Manual = false;
        c.Tripped = true;

        Assert.IsType<PowerRestored>(OperatorAction.Apply(c, PowerAction.Reset, saving: false, "local", null));
    }

    [Fact]
    public void Apply_UnknownAction_ThrowsAndChangesNothing()
    {
        var c = _bench.Add("heater");
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatorAction.Apply(c, (PowerAction)42, saving: false, "local", null));
        Assert.Null(c.Manual);
    }

    public void Dispose() => _bench.Dispose();
}
