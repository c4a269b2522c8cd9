using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Web.Accounts;

/// <summary>
/// The console circuit's user, checked against the account store every
/// <see cref="ConsoleOptions.SessionCheckInterval"/>: a circuit lives as long as the tab, and the
/// claims it started with would otherwise outlast a removed role or an account locked out (the
/// pattern of the ASP.NET Core Blazor Web App template with Identity). A session that no longer
/// stands becomes anonymous, and the pages send the user to sign in.
/// </summary>
internal sealed class ConsoleAuthenticationState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<ConsoleOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    /// <summary>The check itself (the base class calls it every interval); internal for the tests.</summary>
    internal async Task<bool> StillValidAsync(AuthenticationState state)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FleetUser>>();
        return await CurrentRoles.StillValidAsync(users, state.User).ConfigureAwait(false) is not null;
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillValidAsync(authenticationState);
}
