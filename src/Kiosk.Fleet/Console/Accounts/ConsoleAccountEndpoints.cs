using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Kiosk.Fleet.Web.Accounts;

/// <summary>
/// The console's cookie sign-in, sign-out and language switch (plain form posts and a link: they
/// work before the interactive circuit starts). The API keeps its bearer tokens (<c>/login</c>).
/// </summary>
internal static partial class ConsoleAccountEndpoints
{
    public static void MapConsoleAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/console/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync);
        group.MapPost("/logout", LogoutAsync);
        group.MapGet("/culture", Culture);
    }

    /// <summary>A local path to return to; anything else (another site, <c>//host</c>) becomes the console's start.</summary>
    internal static string LocalOrStart(string? returnUrl) =>
        returnUrl is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/console";

    private static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<FleetUser> signIn, ILoggerFactory loggers)
    {
        var back = LocalOrStart(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return TypedResults.Redirect($"/console/login?error=1&returnUrl={Uri.EscapeDataString(back)}");
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // No e-mail address in the log: a count of failures is what an operator needs.
            LogFailed(loggers.CreateLogger("Kiosk.Fleet.Web.Accounts"), result.IsLockedOut);
            return TypedResults.Redirect($"/console/login?error=1&returnUrl={Uri.EscapeDataString(back)}");
        }

        return TypedResults.Redirect(back);
    }

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<FleetUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.Redirect("/console/login");
    }

    private static RedirectHttpResult Culture(string? culture, string? returnUrl, HttpContext context)
    {
        if (culture is not null && ConsoleApp.Cultures.Contains(culture, StringComparer.Ordinal))
        {
            context.Response.Cookies.Append(
                ConsoleApp.CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return TypedResults.Redirect(LocalOrStart(returnUrl));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in refused (locked out: {LockedOut})")]
    private static partial void LogFailed(ILogger logger, bool lockedOut);
}
