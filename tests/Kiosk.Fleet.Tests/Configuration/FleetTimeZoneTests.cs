using Kiosk.Fleet.Configuration;

namespace Kiosk.Fleet.Tests.Configuration;

public sealed class FleetTimeZoneTests
{
    private static readonly FleetTimeZone Taiyuan = new(Microsoft.Extensions.Options.Options.Create(new FleetOptions()));

    [Fact]
    public void Default_IsAsiaShanghai() => Assert.Equal("Asia/Shanghai", Taiyuan.Id);

    [Fact]
    public void Day_SixInTheMorningInTaiyuan_IsThatDayNotTheUtcDayBefore()
    {
        var utc = new DateTime(2026, 3, 1, 22, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 3, 2), Taiyuan.Day(utc));
    }

    [Fact]
    public void StartUtc_Day_IsLocalMidnight()
    {
        var start = Taiyuan.StartUtc(new DateOnly(2026, 3, 2));

        Assert.Equal((new DateTime(2026, 3, 1, 16, 0, 0), DateTimeKind.Utc), (start, start.Kind));
    }

    [Fact]
    public void ToUtc_WallClockInTaiyuan_EightHoursEarlier() =>
        Assert.Equal(new DateTime(2026, 3, 1, 22, 30, 0, DateTimeKind.Utc), Taiyuan.ToUtc(new DateTime(2026, 3, 2, 6, 30, 0, DateTimeKind.Local)));

    [Fact]
    public void Local_UtcInstant_SameInstantAtPlusEight()
    {
        var local = Taiyuan.Local(new DateTime(2026, 3, 1, 22, 30, 0, DateTimeKind.Utc));

        Assert.Equal((new DateTime(2026, 3, 2, 6, 30, 0), TimeSpan.FromHours(8)), (local.DateTime, local.Offset));
    }

    [Fact]
    public void ToUtc_TimeSkippedByDaylightSaving_FirstValidTimeAfterTheGap()
    {
        // Berlin skipped 02:00-03:00 on 2026-03-29.
        var berlin = new FleetTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), berlin.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void Validate_UnknownZone_FailsNamingTheKey(string zone)
    {
        var result = new FleetOptionsValidator().Validate(null, new FleetOptions { TimeZone = zone });

        Assert.True(result.Failed);
        Assert.StartsWith("Fleet:TimeZone: ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IanaZone_Succeeds() =>
        Assert.True(new FleetOptionsValidator().Validate(null, new FleetOptions { TimeZone = "Asia/Urumqi" }).Succeeded);
}
