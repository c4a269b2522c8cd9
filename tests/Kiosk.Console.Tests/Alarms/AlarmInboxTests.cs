using System.Text.Json.Nodes;
using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Alarms;

public sealed class AlarmInboxTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task ForcedOpenByTheRealKiosk_OperatorAcknowledges_ShowsWhoAndWhen()
    {
        var fleet = await StartFleetAsync();
        var id = "e2e-" + Root[1..9];
        await using var kiosk = await StartRealKioskAsync(id);
        await Kiosk.IntegrationTests.Infrastructure.Eventually.TrueAsync(
            () => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == id && k.Online)).Result, Wait, "the real kiosk online in the fleet");

        var page = await SignedInPageAsync(fleet, path: "/console/alarms");
        await WaitInteractiveAsync(page);
        await Expect(page.GetByText("No open alarm.")).ToBeVisibleAsync();

        // Someone pulls the locked rest cabin's door open (the simulated board's contact moves).
        var open = await kiosk.CtlAsync("sim", "door", "open");
        Assert.True(open.ExitCode == 0, open.ToString());

        // Pushed into the open page: no reload.
        var row = page.Locator("tr[data-type='door.forced_open']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Critical");
        await Expect(row).ToContainTextAsync("Door forced open");
        await Expect(row).ToContainTextAsync("Demo rest station");
        await ScreenshotAsync(page, "alarms");
        await AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Acknowledge Door forced open") }).ClickAsync();

        // The door is still open: the alarm stays open, acknowledged, and shows who and when.
        await Expect(page.GetByText("No open alarm.")).ToBeVisibleAsync();
        await page.GetByLabel("Show acknowledged").CheckAsync();
        await Expect(row).ToContainTextAsync($"Acknowledged by {AccountSeeder.DemoEmail} at");
        var alarm = await fleet.DbAsync(db => db.Alarms.SingleAsync(a => a.KioskId == id && a.Type == "door.forced_open", Ct));
        Assert.Equal(AccountSeeder.DemoEmail, alarm.AcknowledgedBy);
        Assert.NotNull(alarm.AcknowledgedAt);
        Assert.Null(alarm.Closed);
    }

    [Fact]
    public async Task Viewer_SeesAlarms_ButNoAcknowledgeButton()
    {
        var fleet = await StartFleetAsync();
        var k = await ConnectKioskAsync("viewer-k");
        await k.EventAsync(1, "door.held_open", DateTimeOffset.UtcNow, new JsonObject { ["door"] = "rest" });
        await Kiosk.IntegrationTests.Infrastructure.Eventually.TrueAsync(
            () => fleet.DbAsync(db => db.Alarms.AnyAsync(a => a.KioskId == "viewer-k")).Result, Wait, "the alarm stored");
        var email = await AddUserAsync(fleet, FleetRoles.Viewer);

        var page = await SignedInPageAsync(fleet, email, UserPassword, "/console/alarms");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("tr[data-type='door.held_open']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Expect(page.Locator("button.ack")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task HelpCall_NewOne_FlashesAnAlert_CountsInTheHeader_AndPlaysThreeTones()
    {
        var fleet = await StartFleetAsync();
        var k = await ConnectKioskAsync("help-k");
        await Stations.BirthAtAsync(k, "Yingze Park station", 37.857, 112.560);
        var page = await SignedInPageAsync(fleet, path: "/console/map");

        // Every oscillator the page starts is written down (frequency in Hz): what the speakers would play.
        await page.AddInitScriptAsync(ToneRecorder);
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-help-calls='0']")).ToHaveCountAsync(1);

        // The sound toggle is a real button (a user gesture unlocks audio); pressing it plays one short tone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable sound" }).ClickAsync();
        await Expect(page.Locator("button.sound[aria-pressed='true']")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => window.kioskTones.length >= 1");

        await k.EventAsync(1, "intercom.help", DateTimeOffset.UtcNow);
        await Expect(page.Locator("[data-help-calls='1']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Help call from Yingze Park station" })).ToBeVisibleAsync();

        // Three rising tones (C5, E5, G5) after the toggle's own.
        await page.WaitForFunctionAsync("() => window.kioskTones.length >= 4");
        var tones = await page.EvaluateAsync<int[]>("() => window.kioskTones");
        Assert.Equal(new[] { 660, 523, 659, 784 }, tones);
    }

    private const string ToneRecorder = """
        window.kioskTones = [];
        const create = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () {
          const osc = create.call(this);
          const start = osc.start.bind(osc);
          osc.start = (...args) => { window.kioskTones.push(Math.round(osc.frequency.value)); return start(...args); };
          return osc;
        };
        """;

    [Fact]
    public async Task Phone_InboxAndMap_FitTheScreenWidth()
    {
        var fleet = await StartFleetAsync();
        var k = await ConnectKioskAsync("phone-k");
        await Stations.BirthAtAsync(k, "Yingze Park station", 37.857, 112.560);
        await k.EventAsync(1, "power.trip", DateTimeOffset.UtcNow, new JsonObject { ["circuit"] = "heater" });

        var page = await SignedInPageAsync(fleet, path: "/console/alarms", phone: true);
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("tr[data-type='power.trip']")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the inbox scrolls sideways on a phone");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Map", Exact = true }).ClickAsync();
        await Expect(page.Locator(".station-marker.alarm")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the map scrolls sideways on a phone");
    }
}
