using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Kiosk.Fleet.Accounts;

/// <summary>
/// What a signed-in account may do now, asked of the account store rather than of the principal.
/// A cookie, a bearer token and a console circuit carry the roles copied at sign-in; a command that
/// moves hardware must not rest on a role removed since (<c>kiosk-fleet users role</c>), an account
/// locked out, or a session whose security stamp was renewed (ASP.NET Core Identity's sign-out-everywhere).
/// </summary>
internal sealed class CurrentRoles(IServiceScopeFactory scopes)
{
    /// <summary>
    /// True when <paramref name="user"/> is an account that exists, is not locked out, still has the
    /// security stamp it signed in with (when the principal carries one) and holds the operator or admin role.
    /// </summary>
    public async Task<bool> MayOperateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FleetUser>>();
        var account = await StillValidAsync(users, user).ConfigureAwait(false);
        if (account is null)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var roles = await users.GetRolesAsync(account).ConfigureAwait(false);
        return roles.Contains(FleetRoles.Operator) || roles.Contains(FleetRoles.Admin);
    }

    /// <summary>
    /// The account behind <paramref name="user"/> if its session still stands: the account exists, is not
    /// locked out, and its security stamp equals the principal's (a principal without one is judged by
    /// the rest); otherwise null.
    /// </summary>
    public static async Task<FleetUser?> StillValidAsync(UserManager<FleetUser> users, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || await users.GetUserAsync(user).ConfigureAwait(false) is not { } account)
        {
            return null;
        }

        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return null;
        }

        if (users.SupportsUserSecurityStamp && user.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType) is { } stamp
            && !string.Equals(stamp, await users.GetSecurityStampAsync(account).ConfigureAwait(false), StringComparison.Ordinal))
        {
            return null;
        }

        return account;
    }
}
