using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Reports;

/// <summary>Visits, attendance and the monthly evaluation from a scripted week of kiosk events.</summary>
public abstract class ReportTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reports_ScriptedWeek_VisitsAttendanceAndEvaluation()
    {
        var fleet = await StartFleetAsync();
        // Online since before March began in Taiyuan (Fleet:TimeZone Asia/Shanghai: 2026-02-28T16:00Z).
        var kiosk = await ConnectKioskAsync("week-0001", birth: new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero));
        long seq = 0;
        for (var day = 0; day < 7; day++)
        {
            for (var v = 0; v <= day; v++)
            {
                await kiosk.EventAsync(++seq, "door.opened", Monday.AddDays(day).AddHours(6).AddMinutes(v), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = v % 2 == 0 ? "w-a" : "w-b", ["role"] = "worker" });
            }

            // Not visits: the exit button, and a steward's own pass.
            await kiosk.EventAsync(++seq, "door.opened", Monday.AddDays(day).AddHours(7), new JsonObject { ["door"] = "rest", ["via"] = "exit" });
            await kiosk.EventAsync(++seq, "door.opened", Monday.AddDays(day).AddHours(7), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "s-1", ["role"] = "steward" });
        }

        foreach (var (sub, inAt, outAt) in new[]
        {
            ("s-1", Monday.AddHours(6), Monday.AddHours(14)),
            ("s-1", Monday.AddDays(1).AddHours(6), Monday.AddDays(1).AddHours(10.5)),
            ("s-2", Monday.AddDays(1).AddHours(12), Monday.AddDays(1).AddHours(13)),
        })
        {
            await kiosk.EventAsync(++seq, "steward.checkin", inAt, new JsonObject { ["sub"] = sub, ["door"] = "rest", ["via"] = "scan" });
            await kiosk.EventAsync(++seq, "steward.checkout", outAt, new JsonObject { ["sub"] = sub, ["door"] = "rest", ["via"] = "scan" });
        }

        await kiosk.EventAsync(++seq, "intercom.help", Monday.AddDays(2).AddHours(10));
        await kiosk.EventAsync(++seq, "occupancy.welfare_check", Monday.AddDays(3).AddHours(3), new JsonObject { ["door"] = "rest" });
        var total = seq;
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result == total, Wait, $"{total} events");
        await using (var scope = fleet.Services.CreateAsyncScope())
        {
            // Acknowledged 4 and 10 minutes after they were raised: median 7.
            var db = scope.ServiceProvider.GetRequiredService<Kiosk.Fleet.Storage.FleetDb>();
            foreach (var alarm in await db.Alarms.Where(a => a.KioskId == kiosk.Id).ToListAsync(Ct))
            {
                alarm.AcknowledgedBy = "operator@test.invalid";
                alarm.AcknowledgedAt = alarm.Raised.AddMinutes(alarm.Type == "intercom.help" ? 4 : 10);
            }

            await db.SaveChangesAsync(Ct);
        }

        var client = await fleet.UserAsync("viewer");
        var visits = (await client.GetFromJsonAsync<List<VisitsRow>>($"/api/reports/visits?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z", Ct))!;
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], visits.Select(v => v.Visits));
        Assert.Equal([1, 2, 2, 2, 2, 2, 2], visits.Select(v => v.Holders));
        Assert.Equal(new DateOnly(2026, 3, 2), visits[0].Day);
        Assert.Equal("TEST-week-0001", visits[0].Station);

        var attendance = (await client.GetFromJsonAsync<List<AttendanceRow>>($"/api/reports/attendance?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z", Ct))!;
        Assert.Equal([(1, 8.0), (2, 5.5)], attendance.Select(a => (a.Stewards, a.Hours)));

        var evaluation = Assert.Single((await client.GetFromJsonAsync<List<StationEvaluation>>("/api/reports/stations?month=2026-03", Ct))!);
        Assert.Equal((28, 2, 13.5, 2, 7.0, 100.0), (evaluation.Visits, evaluation.Holders, evaluation.AttendanceHours, evaluation.Alarms, evaluation.MedianAckMinutes!.Value, evaluation.AvailabilityPercent));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/stations?month=2026-03");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal(
            "kiosk,station,name,district,month,availability_percent,visits,holders,attendance_hours,alarms,median_ack_minutes\r\n" +
            "week-0001,TEST-week-0001,Station week-0001,TEST,2026-03,100,28,2,13.5,2,7\r\n",
            csv);
    }

    [Fact]
    public async Task Visits_SixInTheMorningInTaiyuan_CountOnThatDayNotTheUtcDayBefore()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("tz-0001");
        var morning = new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);   // 2026-03-02 06:00 in Taiyuan
        var evening = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);   // 2026-03-02 18:00 in Taiyuan
        await kiosk.EventAsync(1, "door.opened", morning, new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "w-a", ["role"] = "worker" });
        await kiosk.EventAsync(2, "door.opened", evening, new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "w-b", ["role"] = "worker" });
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result == 2, Wait, "2 events");

        var client = await fleet.UserAsync("viewer");
        var visits = (await client.GetFromJsonAsync<List<VisitsRow>>("/api/reports/visits?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z", Ct))!;

        var day = Assert.Single(visits, v => v.Kiosk == kiosk.Id);
        Assert.Equal((new DateOnly(2026, 3, 2), 2), (day.Day, day.Visits));
    }
}

public sealed class SqliteReportTests(SharedServers servers) : ReportTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresReportTests(SharedServers servers) : ReportTests(servers, DatabaseProvider.Postgres);
