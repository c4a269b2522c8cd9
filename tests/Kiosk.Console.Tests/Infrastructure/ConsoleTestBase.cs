using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kiosk.Console.Tests.Infrastructure;

/// <summary>
/// A console test: the real fleet in this process (SQLite, the shared Mosquitto, its own topic root),
/// a browser page on it, sign-in, an accessibility check and screenshots for the docs.
/// </summary>
public abstract class ConsoleTestBase(SharedServers servers, Browser browser) : FleetTestBase(servers, DatabaseProvider.Sqlite)
{
    protected Browser Browser { get; } = browser;

    /// <summary>Where the tests write the screenshots the README shows.</summary>
    public static string ScreenshotFolder => Path.Combine(Kiosk.IntegrationTests.EndToEnd.RepoPaths.Root, "docs", "screenshots");

    /// <summary>A page signed in through the console's login form.</summary>
    protected async Task<IPage> SignedInPageAsync(FleetUnderTest fleet, string email = AccountSeeder.DemoEmail, string password = AccountSeeder.DemoPassword, string path = "/console/map", bool phone = false)
    {
        var page = await Browser.NewPageAsync(fleet.BaseAddress, phone);
        await page.GotoAsync(path);
        await page.WaitForURLAsync(u => u.Contains("/console/login", StringComparison.Ordinal));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith(path, StringComparison.Ordinal));
        return page;
    }

    /// <summary>A viewer account (no operating rights); returns its e-mail (password <c>Test-Passw0rd</c>).</summary>
    protected static async Task<string> AddUserAsync(FleetUnderTest fleet, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.invalid";
        await using var scope = fleet.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().AddUserAsync(email, UserPassword, role);
        return email;
    }

    protected const string UserPassword = "Test-Passw0rd";

    /// <summary>axe-core in the page: no serious or critical violation (the list names each rule and element).</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    /// <summary>Writes docs/screenshots/{name}.png (the README shows it).</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), Type = ScreenshotType.Png });
    }

    /// <summary>Waits for the interactive circuit (Blazor Server) to be up: live updates flow from then on.</summary>
    protected static async Task WaitInteractiveAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('[data-live=\"on\"]') !== null");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{page.Url}\n{await page.ContentAsync()}", e);
        }
    }
}
