using System.Security.Claims;
using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kiosk.Fleet.Web.Accounts;

/// <summary>
/// The signed-in user of this circuit and what they may do. Components call services directly (no
/// HTTP API in between), so a handler that acts checks here on the server, not only by hiding buttons.
/// </summary>
internal sealed class ConsoleAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization, CurrentRoles currentRoles)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User;

    /// <summary>True for operators and admins (policy <c>can-operate</c>, from the circuit's claims: what the page shows).</summary>
    public async Task<bool> CanOperateAsync() =>
        (await authorization.AuthorizeAsync(await UserAsync().ConfigureAwait(false), FleetRoles.CanOperate).ConfigureAwait(false)).Succeeded;

    /// <summary>
    /// The user, if they may operate: by the circuit's claims and, at the moment of acting, by the account
    /// store (<see cref="CurrentRoles"/>), so a role removed during the session refuses at once.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">A viewer (or nobody, or an account no longer an operator) tried to act.</exception>
    public async Task<ClaimsPrincipal> RequireOperatorAsync()
    {
        var user = await UserAsync().ConfigureAwait(false);
        if (!(await authorization.AuthorizeAsync(user, FleetRoles.CanOperate).ConfigureAwait(false)).Succeeded)
        {
            throw new UnauthorizedAccessException("this action needs the operator or admin role");
        }

        if (!await currentRoles.MayOperateAsync(user, CancellationToken.None).ConfigureAwait(false))
        {
            throw new UnauthorizedAccessException("this account no longer holds the operator or admin role: sign in again");
        }

        return user;
    }
}
