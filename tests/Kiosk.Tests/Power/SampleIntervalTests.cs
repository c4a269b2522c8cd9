using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class SampleIntervalTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Now = CircuitBench.T0;

    [Fact]
    public void Since_FirstSample_Zero() => Assert.Equal(TimeSpan.Zero, SampleInterval.Since(null, Now, Period));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1500)]
    [InlineData(4000)]
    public void Since_WithinFourPeriods_TheElapsedTime(int ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), SampleInterval.Since(Now - TimeSpan.FromMilliseconds(ms), Now, Period));

    [Theory]
    [InlineData(4001)]
    [InlineData(3_600_000)]
    public void Since_StalledOrClockJumpedForward_FourPeriods(int ms) =>
        Assert.Equal(4 * Period, SampleInterval.Since(Now - TimeSpan.FromMilliseconds(ms), Now, Period));

    [Fact]
    public void Since_ClockWentBack_Zero() => Assert.Equal(TimeSpan.Zero, SampleInterval.Since(Now + TimeSpan.FromSeconds(2), Now, Period));
}
