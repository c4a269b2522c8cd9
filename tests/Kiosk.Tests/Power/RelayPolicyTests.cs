using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class RelayPolicyTests : IDisposable
{
    private readonly CircuitBench _bench = new();

    [Fact]
    public void WantsOn_NormallyOn_On() => Assert.True(RelayPolicy.WantsOn(_bench.Add("a"), saving: false));

    [Fact]
    public void WantsOn_NormallyOff_Off() => Assert.False(RelayPolicy.WantsOn(_bench.Add("a", normallyOn: false), saving: false));

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void WantsOn_LockedOutTrippedOrShed_OffEvenWhenAnOperatorSaidOn(bool lockedOut, bool tripped, bool shed)
    {
        var c = _bench.Add("a");
        c.Manual = true;
        c.LockedOut = lockedOut;
        c.Tripped = tripped;
        c.Shed = shed;
        Assert.False(RelayPolicy.WantsOn(c, saving: false));
    }

    [Theory]
    [InlineData(SafeState.Off, false)]
    [InlineData(SafeState.On, true)]
    public void WantsOn_SensorFault_TheSafeState(SafeState safeState, bool expected)
    {
        var c = _bench.Add("a", safeState: safeState);
        c.Fault = MeterFault.NoAnswer;
        Assert.Equal(expected, RelayPolicy.WantsOn(c, saving: false));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void WantsOn_OperatorDecision_OverridesNormallyOnAndSaving(bool manual, bool expected)
    {
        var c = _bench.Add("a", normallyOn: !manual, followsOccupancy: true);
        c.Manual = manual;
        Assert.Equal(expected, RelayPolicy.WantsOn(c, saving: true));
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void WantsOn_Saving_OnlyFollowersGoOff(bool follows, bool saving, bool expected)
    {
        Assert.Equal(expected, RelayPolicy.WantsOn(_bench.Add("a", followsOccupancy: follows), saving));
    }

    public void Dispose() => _bench.Dispose();
}
