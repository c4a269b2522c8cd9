using Kiosk.Console.Tests.Infrastructure;
using Kiosk.Fleet.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.Console.Tests.Accounts;

public sealed class SignInTests(SharedServers servers, Browser browser) : ConsoleTestBase(servers, browser)
{
    [Fact]
    public async Task WrongPassword_StaysOnSignIn_WithAnError()
    {
        var fleet = await StartFleetAsync();
        var page = await Browser.NewPageAsync(fleet.BaseAddress);
        await page.GotoAsync("/console/alarms");
        await page.GetByLabel("Email").FillAsync(Fleet.Accounts.AccountSeeder.DemoEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Wrong email or password" })).ToBeVisibleAsync();
        Assert.Contains("/console/login", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task LanguageSwitch_Chinese_ThenSignOut()
    {
        var fleet = await StartFleetAsync();
        var page = await SignedInPageAsync(fleet);

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("驿站地图");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/console/login", StringComparison.Ordinal));
        await page.GotoAsync("/console/map");
        await page.WaitForURLAsync(u => u.Contains("/console/login", StringComparison.Ordinal));
    }
}
