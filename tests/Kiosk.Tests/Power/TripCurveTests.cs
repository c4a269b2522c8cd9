using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class TripCurveTests
{
    private readonly TripCurve _curve = new([]);

    [Theory]
    [InlineData(1.10, 30.0)]
    [InlineData(1.50, 2.0)]
    [InlineData(2.00, 0.5)]
    [InlineData(5.00, 0.5)]
    public void TripTime_AtOrBeyondPoint_IsThatPointsTime(double ratio, double seconds) =>
        Assert.Equal(seconds, _curve.TripTime(ratio)!.Value.TotalSeconds, precision: 9);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.0999)]
    public void TripTime_BelowFirstPoint_NeverTrips(double ratio) => Assert.Null(_curve.TripTime(ratio));

    [Fact]
    public void TripTime_BetweenPoints_InterpolatedLogLogAndMonotonic()
    {
        var t13 = _curve.TripTime(1.3)!.Value.TotalSeconds;
        var t14 = _curve.TripTime(1.4)!.Value.TotalSeconds;
        Assert.InRange(t13, 2.0, 30.0);
        Assert.True(t14 < t13);
        var expected = Math.Exp(Math.Log(30) + (Math.Log(1.3 / 1.1) / Math.Log(1.5 / 1.1) * Math.Log(2.0 / 30)));
        Assert.Equal(expected, t13, precision: 6); // TimeSpan keeps 100 ns ticks
    }

    [Theory]
    [InlineData(1.5, 10.0)]
    [InlineData(2.121320343559643, 5.0)] // halfway in log ratio: sqrt(1.5 x 3)
    [InlineData(2.5, 2.6303440583379383)] // 10 x (1 - log(2.5/1.5) / log 2)
    [InlineData(3.0, 0.0)]
    public void TripTime_LastPointAtZeroSeconds_FallsLinearlyInLogRatio(double ratio, double seconds)
    {
        var curve = new TripCurve([new TripPointOptions { Percent = 150, After = TimeSpan.FromSeconds(10) }, new TripPointOptions { Percent = 300, After = TimeSpan.Zero }]);

        Assert.Equal(seconds, curve.TripTime(ratio)!.Value.TotalSeconds, precision: 6);
    }

    [Fact]
    public void TripTime_ConfiguredPoints_ReplaceDefault()
    {
        var curve = new TripCurve([new TripPointOptions { Percent = 120, After = TimeSpan.FromSeconds(10) }]);
        Assert.Null(curve.TripTime(1.19));
        Assert.Equal(10, curve.TripTime(1.2)!.Value.TotalSeconds);
        Assert.Equal(10, curve.TripTime(3)!.Value.TotalSeconds);
    }
}
