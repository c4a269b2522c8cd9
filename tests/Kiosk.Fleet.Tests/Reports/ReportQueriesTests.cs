using Kiosk.Fleet.Api;
using Kiosk.Fleet.Reports;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Tests.Reports;

public sealed class ReportQueriesTests
{
    private static readonly DateTime From = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Availability_OfflineSixHoursOfADay_75Percent()
    {
        var changes = new List<StatusChange>
        {
            new() { KioskId = "k", Online = true, Ts = From.AddDays(-3) },
            new() { KioskId = "k", Online = false, Ts = From.AddHours(2) },
            new() { KioskId = "k", Online = true, Ts = From.AddHours(8) },
        };
        Assert.Equal(0.75, ReportQueries.Availability(changes, From, From.AddDays(1)), 6);
    }

    [Fact]
    public void Availability_NeverSeen_Zero() => Assert.Equal(0, ReportQueries.Availability([], From, From.AddDays(1)));

    [Theory]
    [InlineData(new double[] { 3 }, 3)]
    [InlineData(new double[] { 1, 3 }, 2)]
    [InlineData(new double[] { 1, 2, 10 }, 2)]
    public void Median_SortedValues_Middle(double[] values, double median) => Assert.Equal(median, ReportQueries.Median(values));

    [Fact]
    public void StationCsv_FieldWithComma_Quoted()
    {
        var csv = StationCsv.Write([new StationEvaluation("k-1", "C-1", "Rest, \"North\"", null, "2026-03", 99.5, 1, 1, 0, 0, null)]);
        Assert.EndsWith("k-1,C-1,\"Rest, \"\"North\"\"\",,2026-03,99.5,1,1,0,0,\r\n", csv, StringComparison.Ordinal);
    }
}
