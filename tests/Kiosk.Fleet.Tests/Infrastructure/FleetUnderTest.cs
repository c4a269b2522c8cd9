using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Storage;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>
/// The fleet service in this test process (the real <see cref="FleetApp"/>, Development settings),
/// on a free loopback port, against a real broker and database. Logs go to a <see cref="FakeLogCollector"/>.
/// </summary>
public sealed class FleetUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FleetUnderTest(WebApplication app, string clientId)
    {
        _app = app;
        ClientId = clientId;
        BaseAddress = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public static string FleetOutput => Path.Combine(Kiosk.IntegrationTests.EndToEnd.RepoPaths.Root, "src", "Kiosk.Fleet", "bin", Kiosk.IntegrationTests.EndToEnd.RepoPaths.Configuration, "net10.0");

    public HttpClient Http { get; }

    public string ClientId { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetRequiredService<FakeLogCollector>();

    /// <param name="root">Topic root: keeps this test's kiosks apart from other tests on the shared broker.</param>
    /// <param name="beforeStart">Runs on the built services before the host starts (to watch from the first message on).</param>
    public static async Task<FleetUnderTest> StartAsync(FleetDatabase database, int brokerPort, string root, IDictionary<string, string?>? settings = null, string? clientId = null, Action<IServiceProvider>? beforeStart = null)
    {
        clientId ??= "fleet-" + Guid.NewGuid().ToString("N")[..8];
        var all = new Dictionary<string, string?>(database.Settings())
        {
            ["Fleet:Mqtt:Host"] = "127.0.0.1",
            ["Fleet:Mqtt:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Fleet:Mqtt:TlsEnabled"] = "false",
            ["Fleet:Mqtt:TopicRoot"] = root,
            ["Fleet:Mqtt:ClientId"] = clientId,
            ["Fleet:Mqtt:SharedGroup"] = root,
            ["Fleet:Mqtt:ReconnectBaseDelay"] = "00:00:00.200",
            ["Fleet:Commands:ReplyTimeout"] = "00:00:05",
            ["Fleet:Alarms:CheckInterval"] = "01:00:00",
            // Development's living fleet of simulated kiosks would join the test's broker: each test brings its own kiosks.
            ["Fleet:Simulator:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // The service's own output folder as content root: its appsettings and the demo key, as `dotnet run` sees them.
        var app = FleetApp.Build(["--environment", "Development", "--contentRoot", FleetOutput], b =>
        {
            b.Configuration.AddInMemoryCollection(all);
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Logging.AddFakeLogging();
            b.Logging.SetMinimumLevel(LogLevel.Information);
        });
        await FleetApp.PrepareAsync(app.Services);
        beforeStart?.Invoke(app.Services);
        await app.StartAsync();
        var fleet = new FleetUnderTest(app, clientId);
        await Eventually.TrueAsync(() => app.Services.GetRequiredService<Kiosk.Fleet.Observability.FleetMetrics>().Connected, TimeSpan.FromSeconds(30), "the fleet's broker session");
        return fleet;
    }

    /// <summary>A client signed in as the Development demo operator (roles operator, admin).</summary>
    public Task<HttpClient> OperatorAsync() => SignInAsync(Accounts.AccountSeeder.DemoEmail, Accounts.AccountSeeder.DemoPassword);

    /// <summary>A client signed in as a new account with one role.</summary>
    public async Task<HttpClient> UserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.invalid";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Accounts.AccountSeeder>().AddUserAsync(email, "Test-Passw0rd", role);
        }

        return await SignInAsync(email, "Test-Passw0rd");
    }

    /// <summary>
    /// A new account with <paramref name="role"/> and the principal a sign-in gives it (claims, roles and
    /// security stamp from Identity's factory), for calling the fleet's services directly.
    /// </summary>
    public async Task<(System.Security.Claims.ClaimsPrincipal Principal, string Email)> PrincipalAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.invalid";
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Accounts.AccountSeeder>().AddUserAsync(email, "Test-Passw0rd", role);
        var principal = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Accounts.FleetUser>>().CreateUserPrincipalAsync(user);
        return (principal, email);
    }

    /// <summary>A phone signed in through the Development code login (the code read from the log, as a developer would).</summary>
    public async Task<(HttpClient Client, string Sub)> WorkerAsync(string phone)
    {
        var asked = await Http.PostAsJsonAsync("/api/workers/login", new { phone });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        var line = Logs.GetSnapshot().Last(r => r.Message.StartsWith("Development login code for worker ", StringComparison.Ordinal)).Message;
        var parts = line.Split(' ');
        var (sub, code) = (parts[^2].TrimEnd(':'), parts[^1]);
        var signedIn = await Http.PostAsJsonAsync("/api/workers/login", new { phone, code });
        signedIn.EnsureSuccessStatusCode();
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return (Client(token), sub);
    }

    public async Task<T> DbAsync<T>(Func<FleetDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FleetDb>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var response = await Http.PostAsJsonAsync("/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return Client(token);
    }

    private HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
