using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PlausibilityCheckTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly PlausibilityCheck _check = new(TimeSpan.FromSeconds(30));
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-5.001)]
    [InlineData(10_000.001)]
    [InlineData(double.PositiveInfinity)]
    public void Check_OutsideTheMetersRange_OutOfRange(double watts)
    {
        Assert.Equal(MeterFault.OutOfRange, _check.Check(_bench.Add("a"), watts, on: true, _t0));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(10_000)]
    public void Check_AtTheRangeBounds_Plausible(double watts)
    {
        Assert.Null(_check.Check(_bench.Add("a"), watts, on: true, _t0));
    }

    [Fact]
    public void Check_SameNonZeroValueWhileFed_FrozenAfterTheDuration()
    {
        var c = _bench.Add("a");
        Assert.Null(_check.Check(c, 100, on: true, _t0));
        Assert.Null(_check.Check(c, 100, on: true, _t0.AddSeconds(29.9)));
        Assert.Equal(MeterFault.Frozen, _check.Check(c, 100, on: true, _t0.AddSeconds(30)));
    }

    [Fact]
    public void Check_ValueMoves_RestartsTheFrozenClock()
    {
        var c = _bench.Add("a");
        _check.Check(c, 100, on: true, _t0);
        Assert.Null(_check.Check(c, 101, on: true, _t0.AddSeconds(20)));
        Assert.Null(_check.Check(c, 101, on: true, _t0.AddSeconds(49)));
        Assert.Equal(MeterFault.Frozen, _check.Check(c, 101, on: true, _t0.AddSeconds(50)));
    }

    [Theory]
    [InlineData(0.0, true, true)]
    [InlineData(100.0, false, true)]
    [InlineData(100.0, true, false)]
    public void Check_ZeroOffOrNotContinuous_NeverFrozen(double watts, bool on, bool continuous)
    {
        var c = _bench.Add("a");
        ((FakeMeter)c.Meter).Continuous = continuous;
        _check.Check(c, watts, on, _t0);
        Assert.Null(_check.Check(c, watts, on, _t0.AddHours(1)));
        Assert.Null(c.RepeatedValue);
    }

    [Fact]
    public void Check_FrozenSensor_RecoversOnlyWhenTheValueMoves()
    {
        var c = _bench.Add("a");
        _check.Check(c, 100, on: true, _t0);
        c.Fault = _check.Check(c, 100, on: true, _t0.AddSeconds(30));
        Assert.Equal(MeterFault.Frozen, _check.Check(c, 100, on: true, _t0.AddSeconds(31)));
        Assert.Null(_check.Check(c, 99, on: true, _t0.AddSeconds(32)));
    }

    [Theory]
    [InlineData(MeterFault.OutOfRange)]
    [InlineData(MeterFault.Overflow)]
    [InlineData(MeterFault.Frozen)]
    public void Check_ValueFaultWhileOff_Latches(MeterFault fault)
    {
        var c = _bench.Add("a");
        c.Fault = fault;
        Assert.Equal(fault, _check.Check(c, 0, on: false, _t0));
    }

    [Theory]
    [InlineData(MeterFault.NoAnswer)]
    [InlineData(MeterFault.WrongDevice)]
    public void Check_AnsweringAgainWhileOff_Plausible(MeterFault fault)
    {
        var c = _bench.Add("a");
        c.Fault = fault;
        Assert.Null(_check.Check(c, 0, on: false, _t0));
    }

    public void Dispose() => _bench.Dispose();
}
