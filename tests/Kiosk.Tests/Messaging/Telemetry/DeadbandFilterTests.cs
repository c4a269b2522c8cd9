using Kiosk.Edge.Messaging.Telemetry;

namespace Kiosk.Tests.Messaging.Telemetry;

public sealed class DeadbandFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly DeadbandFilter _filter = new(
        new Dictionary<string, double> { ["power"] = 5, ["power.outlet.wh"] = 10, ["occupancy"] = 0 },
        TimeSpan.FromMinutes(15));

    [Theory]
    [InlineData("power.outlet.watts", 5)]
    [InlineData("power.outlet.wh", 10)]
    [InlineData("power", 5)]
    [InlineData("powerline.x", 0)]
    [InlineData("occupancy.rest.count", 0)]
    [InlineData("temperature.c", 0)]
    public void DeadbandFor_Key_LongestDottedPrefixWins(string key, double expected) =>
        Assert.Equal(expected, _filter.DeadbandFor(key));

    [Fact]
    public void Due_FirstSample_EverythingDue()
    {
        var due = _filter.Due(Sample(100, 1), T0);

        Assert.Equal(2, due.Count);
    }

    [Fact]
    public void Due_WithinDeadband_NotDue_BeyondDue()
    {
        Commit(Sample(100, 1), T0);

        Assert.Empty(_filter.Due(Sample(104.9, 1), T0.AddMinutes(1)));
        Assert.Equal(["power.outlet.watts"], _filter.Due(Sample(105.1, 1), T0.AddMinutes(2)).Keys);
        Assert.Equal(["occupancy.rest.count"], _filter.Due(Sample(100, 2), T0.AddMinutes(3)).Keys);
    }

    [Fact]
    public void Due_SlowDriftWithinDeadband_ComparedWithLastSentNotLastSampled()
    {
        Commit(Sample(100, 1), T0);
        Assert.Empty(_filter.Due(Sample(103, 1), T0.AddMinutes(1)));

        Assert.Equal(["power.outlet.watts"], _filter.Due(Sample(106, 1), T0.AddMinutes(2)).Keys);
    }

    [Fact]
    public void Due_MaxIntervalPassed_ResentUnchanged()
    {
        Commit(Sample(100, 1), T0);

        Assert.Empty(_filter.Due(Sample(100, 1), T0.AddMinutes(14)));
        Assert.Equal(2, _filter.Due(Sample(100, 1), T0.AddMinutes(15)).Count);
    }

    [Fact]
    public void Due_NotCommitted_StaysDue()
    {
        _ = _filter.Due(Sample(100, 1), T0);

        Assert.Equal(2, _filter.Due(Sample(100, 1), T0.AddMinutes(1)).Count);
    }

    [Fact]
    public void Due_NonFiniteValue_Skipped()
    {
        var due = _filter.Due(new Dictionary<string, double> { ["power.outlet.watts"] = double.NaN }, T0);

        Assert.Empty(due);
    }

    private static Dictionary<string, double> Sample(double watts, double count) => new()
    {
        ["power.outlet.watts"] = watts,
        ["occupancy.rest.count"] = count,
    };

    private void Commit(Dictionary<string, double> sample, DateTimeOffset at) => _filter.Commit(_filter.Due(sample, at), at);
}
