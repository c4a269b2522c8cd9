using Microsoft.Playwright;

namespace Kiosk.Console.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the run: Debian's <c>chromium</c> (tests/run-all.sh installs it) driven by
/// Playwright for .NET through <c>ExecutablePath</c>; nothing is downloaded. <c>KIOSK_TEST_CHROMIUM</c>
/// names another binary.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string Executable => Environment.GetEnvironmentVariable("KIOSK_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        // Expect() retries until its condition holds: 5 s (Playwright's default) is too short for a full page
        // load and a new Blazor circuit on a loaded 2-core CI machine; a failing condition only fails later.
        Assertions.SetDefaultExpectTimeout(20_000);
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} not found: the browser tests need Debian's chromium (apt-get install chromium; tests/run-all.sh installs it)");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // As root (CI) Chromium refuses its sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A fresh context (own cookies) and page; <paramref name="phone"/> gives a 390x844 touch viewport.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 860 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
