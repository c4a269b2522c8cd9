using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class DayTallyTests
{
    [Fact]
    public void Roll_NextLocalDay_ForgetsVisitsAndHolders()
    {
        var tally = new DayTally(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var evening = new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);
        tally.Roll(evening);
        tally.Visit();
        tally.Holder("worker-1");
        tally.Holder("worker-1");
        Assert.Equal((1, 1), (tally.Visits, tally.Holders));

        tally.Roll(evening + TimeSpan.FromMinutes(20));
        Assert.Equal((1, 1), (tally.Visits, tally.Holders));

        // 16:00 UTC is midnight in Shanghai.
        tally.Roll(evening + TimeSpan.FromMinutes(31));
        Assert.Equal((0, 0), (tally.Visits, tally.Holders));
    }
}
