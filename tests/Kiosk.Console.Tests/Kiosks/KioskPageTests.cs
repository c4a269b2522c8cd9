using System.Net;
using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Kiosks;

/// <summary>The kiosk page in headless Chromium against a scripted kiosk that answers commands.</summary>
public sealed class KioskPageTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task KioskPage_Operator_AnnouncesUnlocksAfterConfirmAndSeesReplies()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("page-0001");
        await Stations.BirthAtAsync(kiosk, "Liuxiang station", 37.8633, 112.5634);
        await KioskScript.ReportAsync(kiosk, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result == KioskScript.Events, Wait, "events stored");

        var page = await SignedInPageAsync(fleet, path: $"/console/kiosks/{kiosk.Id}");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Liuxiang station");
        await Expect(page.Locator("tr[data-cabin='life'].alarm")).ToContainTextAsync("held open");
        await Expect(page.Locator("table.cabins tr[data-cabin='rest']")).ToContainTextAsync("3 / 6");
        await Expect(page.Locator("tr[data-circuit='heater']")).ToContainTextAsync("tripped");
        await Expect(page.Locator("tr[data-circuit='outlet']")).ToContainTextAsync("812 / 1500 W");
        await Expect(page.Locator(".chart-host[data-drawn='true']")).ToHaveCountAsync(3);
        await Expect(page.Locator("table.climate tr[data-cabin='rest']")).ToContainTextAsync("24.5");

        // An announcement moves nothing: sent at once, and the kiosk's reply shows.
        await page.GetByLabel("Text to speak").FillAsync("Hot water is back on.");
        await page.GetByLabel("Priority").SelectOptionAsync("urgent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send announcement" }).ClickAsync();
        await Expect(page.Locator(".reply[data-reply='ok']")).ToHaveTextAsync("The kiosk carried out announce.");
        var (name, claims) = Assert.Single(kiosk.Commands);
        Assert.Equal(("announce", "Hot water is back on.", "urgent"), (name, claims["text"]!.GetValue<string>(), claims["priority"]!.GetValue<string>()));

        // Unlock moves hardware: a labelled modal dialog first; Esc cancels and nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock cabin rest" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Confirm the command" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Unlock cabin rest now?");
        await AssertAccessibleAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Single(kiosk.Commands);

        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock cabin rest" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, send it" }).ClickAsync();
        await Expect(page.Locator(".reply[data-reply='ok']")).ToHaveTextAsync("The kiosk carried out unlock.");
        Assert.Equal("unlock", kiosk.Commands.Last().Name);
        Assert.Equal("rest", kiosk.Commands.Last().Claims["door"]!.GetValue<string>());

        // The events table filters by type and cabin.
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(KioskScript.Events);
        await page.Locator("select[data-filter='type']").SelectOptionAsync("door.opened");
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(2);
        await page.Locator("select[data-filter='cabin']").SelectOptionAsync("life");
        await Expect(page.Locator("table.events tbody tr")).ToHaveCountAsync(1);

        await ScreenshotAsync(page, "kiosk-page");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KioskPage_Viewer_NoCommandButtonsAndServerRefusesForcedCommand()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("page-0002");
        await KioskScript.ReportAsync(kiosk, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == kiosk.Id && k.State != null, Ct)).Result, Wait, "state stored");
        var viewer = await AddUserAsync(fleet, "viewer");

        var page = await SignedInPageAsync(fleet, viewer, UserPassword, path: $"/console/kiosks/{kiosk.Id}");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("table.cabins tr[data-cabin='rest']")).ToBeVisibleAsync();
        await Expect(page.GetByText("commands need the operator role")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-command]")).ToHaveCountAsync(0);
        await Expect(page.Locator("form.announce")).ToHaveCountAsync(0);

        // Forced with the viewer's own session: the server refuses, nothing reaches the kiosk.
        var forced = await page.Context.APIRequest.PostAsync($"/api/kiosks/{kiosk.Id}/commands/unlock", new() { DataObject = new { door = "rest" } });
        Assert.Equal((int)HttpStatusCode.Forbidden, forced.Status);
        Assert.Empty(kiosk.Commands);
        Assert.Equal(0, await fleet.DbAsync(db => db.CommandAudits.CountAsync(Ct)));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KioskPage_Phone_SectionsStackAndStayUsable()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("page-0003");
        await KioskScript.ReportAsync(kiosk, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == kiosk.Id && k.State != null, Ct)).Result, Wait, "state stored");

        var page = await SignedInPageAsync(fleet, path: $"/console/kiosks/{kiosk.Id}", phone: true);
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".chart-host[data-drawn='true']").First).ToBeVisibleAsync();

        // Wide tables scroll inside their own box; the page itself does not scroll sideways.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the kiosk page scrolls sideways on a phone");
        await ScreenshotAsync(page, "kiosk-page-phone");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KioskPage_ManyEvents_ShowsMoreOnRequestInTheFleetsTimeZone()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("page-0004");

        // 130 events, the newest at 22:30 UTC: 06:30 the next morning in Taiyuan (Fleet:TimeZone Asia/Shanghai).
        var newest = new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.Zero);
        for (var i = 1; i <= 130; i++)
        {
            await kiosk.EventAsync(100 + i, "door.closed", newest.AddMinutes(i - 130), new System.Text.Json.Nodes.JsonObject { ["door"] = "rest" });
        }

        await Eventually.TrueAsync(() => fleet.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result == 130, Wait, "events stored");
        var page = await SignedInPageAsync(fleet, path: $"/console/kiosks/{kiosk.Id}");
        await WaitInteractiveAsync(page);
        var rows = page.Locator("table.events tbody tr");
        await Expect(rows).ToHaveCountAsync(100);
        await Expect(rows.First).ToContainTextAsync("3/2/2026 6:30:00 AM");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show 100 more" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(130);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show 100 more" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }
}
