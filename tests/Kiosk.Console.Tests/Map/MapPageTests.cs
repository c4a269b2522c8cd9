using System.Text.Json.Nodes;
using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Fleet.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Map;

public sealed class MapPageTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task SignIn_MapShowsEveryKiosk_ColouredLiveByState()
    {
        var fleet = await StartFleetAsync();
        var a = await ConnectKioskAsync("map-a");
        var b = await ConnectKioskAsync("map-b");
        var c = await ConnectKioskAsync("map-c");
        await Stations.BirthAtAsync(a, "Liuxiang station", 37.8700, 112.5400);
        await Stations.BirthAtAsync(b, "Wuyi Square station", 37.8450, 112.5650);
        await Stations.BirthAtAsync(c, "Shuangta station", 37.8850, 112.5900);

        var page = await SignedInPageAsync(fleet);
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".station-marker")).ToHaveCountAsync(3);
        await Expect(page.Locator(".station-marker.online")).ToHaveCountAsync(3);
        await Expect(page.Locator("path.radius")).ToHaveCountAsync(3);

        // Pushed, not reloaded: a forced door turns one red, a will turns another grey.
        await a.EventAsync(1, "door.forced_open", DateTimeOffset.UtcNow, new JsonObject { ["door"] = "rest" });
        await c.OfflineAsync(c.Boot, DateTimeOffset.UtcNow);
        await Expect(page.Locator(".station-marker.alarm[data-kiosk='map-a']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".station-marker.offline[data-kiosk='map-c']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-kiosk='map-b'][data-state='online']")).ToHaveCountAsync(1);

        // From the keyboard: a marker takes the focus and Enter opens its popup, which links to the kiosk page.
        await page.Locator(".station-marker[data-kiosk='map-b']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-popup a[href='/console/kiosks/map-b']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Close popup" }).ClickAsync();
        await Expect(page.Locator(".leaflet-popup")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SignIn_SeesTheSimulatedDevelopmentFleetOnTheMap()
    {
        // Development's living fleet (Kiosk.FleetSim: the 20 named Yingze stations) on this test's broker and topic root.
        var fleet = await StartFleetAsync(new Dictionary<string, string?> { ["Fleet:Simulator:Enabled"] = "true", ["Fleet:Simulator:Count"] = "20" });

        var page = await SignedInPageAsync(fleet);
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".station-marker")).ToHaveCountAsync(20, new() { Timeout = 90_000 });
        await Expect(page.Locator("path.radius")).ToHaveCountAsync(20);
        await Expect(page.Locator("table.stations tbody tr")).ToHaveCountAsync(20);

        await ScreenshotAsync(page, "map");
        await AssertAccessibleAsync(page);
    }
}
