using System.Text.Json.Nodes;
using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Console.Tests.Kiosks;
using Kiosk.Fleet.Reports;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Reports;

/// <summary>The reports page in headless Chromium: visits (chart and table), steward attendance, the monthly evaluation and its CSV download.</summary>
public sealed class ReportsPageTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task Reports_VisitsAttendanceEvaluation_CsvDownloadParses()
    {
        var fleet = await StartFleetAsync();
        var a = await ConnectKioskAsync("rep-0001");
        var b = await ConnectKioskAsync("rep-0002");
        await Stations.BirthAtAsync(a, "Liuxiang station", 37.8633, 112.5634);
        await Stations.BirthAtAsync(b, "Wuyi Square, \"North\"", 37.8561, 112.5650);
        var now = DateTimeOffset.UtcNow;
        await KioskScript.ReportAsync(a, now);
        await b.EventAsync(1, "door.opened", now.AddMinutes(-20), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "w-9", ["role"] = "worker" });
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(Ct)).Result == KioskScript.Events + 1, Wait, "events stored");

        var page = await SignedInPageAsync(fleet, path: "/console/reports");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("table.visits tr[data-kiosk='rep-0001']").Last).ToContainTextAsync("Liuxiang station");
        await Expect(page.Locator(".chart-host[data-drawn='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.attendance tr[data-kiosk='rep-0001']")).ToBeVisibleAsync();
        await Expect(page.Locator("table.evaluation tbody tr")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-export='csv']").ClickAsync());
        Assert.Matches(@"^stations-\d{4}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Ct)).Split("\r\n");
        Assert.Equal(StationCsv.Header, lines[0]);
        Assert.StartsWith("rep-0001,TYYZ-rep-0001,Liuxiang station,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("rep-0002,TYYZ-rep-0002,\"Wuyi Square, \"\"North\"\"\",", lines[2], StringComparison.Ordinal);
        Assert.Equal(StationCsv.Header.Split(',').Length, Csv(lines[2]).Count);

        await ScreenshotAsync(page, "reports");
        await AssertAccessibleAsync(page);
    }

    /// <summary>Splits one RFC 4180 record (quoted fields may hold commas and doubled quotes).</summary>
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
