using System.Globalization;
using Kiosk.Fleet.Web.Accounts;
using Kiosk.Fleet.Web.Alarms;
using Kiosk.Fleet.Web.Kiosks;
using Kiosk.Fleet.Web.Live;
using Kiosk.Fleet.Web.Map;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Web;

/// <summary>
/// The operator console: Blazor with interactive server components under <c>/console</c> (its
/// SignalR circuit carries the live updates), cookie sign-in with the fleet's Identity accounts,
/// Chinese and English from resource files.
/// </summary>
internal static class ConsoleApp
{
    public const string CultureCookie = "kiosk-fleet-culture";

    /// <summary>The languages the console has resources for (the first is the resource files' neutral one).</summary>
    public static readonly string[] Cultures = ["en", "zh-CN"];

    public static void AddFleetConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        ConsolePolicy.Add(services.AddAuthorizationBuilder());
        services.AddLocalization();
        services.AddSingleton<FleetChanges>();
        services.AddScoped<ConsoleAccess>();

        // Sessions follow the account store: a circuit and a cookie are checked every SessionCheckInterval.
        services.AddScoped<AuthenticationStateProvider, ConsoleAuthenticationState>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<ConsoleOptions>>((o, console) => o.ValidationInterval = console.Value.SessionCheckInterval);
        services.AddSingleton<MapStations>();
        services.AddSingleton<AlarmInbox>();
        services.AddKioskPages();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kiosk-fleet-console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/console/login";
            o.LogoutPath = "/console/account/logout";
            o.AccessDeniedPath = "/console/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<ConsoleOptions>>((o, console) =>
        {
            CultureInfo[] supported = [.. Cultures.Select(CultureInfo.GetCultureInfo)];
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.DefaultRequestCulture = new RequestCulture(console.Value.DefaultCulture);

            // Only the user's own choice (the switch's cookie) overrides the configured language: a
            // duty-room PC set to English still shows Chinese until someone picks English.
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookie }];
        });
    }

    /// <summary>Middleware: after authentication and authorization, before the endpoints.</summary>
    public static void UseFleetConsole(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
    }

    /// <summary>The console's pages, static files, Blazor hub and form posts: a browser UI, kept out of the OpenAPI document.</summary>
    public static void MapFleetConsole(this WebApplication app)
    {
        app.MapStaticAssets(StaticAssetsManifest()).ExcludeFromDescription();
        app.MapGet("/", () => TypedResults.Redirect("/console")).ExcludeFromDescription();
        app.MapConsoleAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().ExcludeFromDescription();
    }

    /// <summary>
    /// The static web assets manifest of kiosk-fleet (wwwroot and Blazor's script), next to its
    /// assembly: found the same way when the service runs in another process's host (the tests).
    /// </summary>
    private static string StaticAssetsManifest() =>
        Path.Combine(Path.GetDirectoryName(typeof(ConsoleApp).Assembly.Location) ?? AppContext.BaseDirectory, "kiosk-fleet.staticwebassets.endpoints.json");
}
