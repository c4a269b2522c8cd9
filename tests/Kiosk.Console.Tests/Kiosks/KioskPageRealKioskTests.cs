using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Fleet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Kiosks;

/// <summary>The kiosk page against the real kiosk service (src/Kiosk.Edge on its simulated board): a diagnostics report, and a refusal with the kiosk's own reason.</summary>
public sealed class KioskPageRealKioskTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task RealKiosk_DiagReportShown_UnlockOutOfServiceRefusedWithReason()
    {
        var fleet = await StartFleetAsync();
        var id = "page-" + Root[1..9];
        await using var kiosk = await StartRealKioskAsync(id);
        await Kiosk.IntegrationTests.Infrastructure.Eventually.TrueAsync(
            () => fleet.DbAsync(db => db.Kiosks.AnyAsync(k => k.Id == id && k.Online && k.State != null)).Result, Wait, "the real kiosk online with its state");

        var page = await SignedInPageAsync(fleet, path: $"/console/kiosks/{id}");
        await WaitInteractiveAsync(page);
        var cabin = page.Locator("table.cabins tbody tr").First;
        await Expect(cabin).ToContainTextAsync("locked");
        var door = await cabin.GetAttributeAsync("data-cabin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run diagnostics" }).ClickAsync();
        await Expect(page.Locator(".reply[data-reply='ok']")).ToHaveTextAsync("The kiosk carried out diag.", new() { Timeout = 30_000 });
        Assert.True(await page.Locator("table.diag-report tbody tr").CountAsync() > 0, "the diagnostics report has no checks");

        // Out of service (confirmed), then a remote unlock: the kiosk refuses and the page says why.
        await page.GetByLabel($"Door mode of cabin {door}").SelectOptionAsync("out_of_service");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, send it" }).ClickAsync();
        await Expect(page.Locator(".reply[data-reply='ok']")).ToHaveTextAsync("The kiosk carried out mode.");
        await Expect(page.Locator($"table.cabins tr[data-cabin='{door}']")).ToContainTextAsync("out of service");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock cabin {door}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, send it" }).ClickAsync();
        await Expect(page.Locator(".reply[data-reply='refused']")).ToHaveTextAsync("The kiosk refused unlock: out_of_service.");
        await AssertAccessibleAsync(page);
    }
}
