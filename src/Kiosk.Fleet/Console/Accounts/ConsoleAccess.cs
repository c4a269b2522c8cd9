using System.Security.Claims;
using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kiosk.Fleet.Web.Accounts;

/// <summary>
/// The signed-in user of this circuit and what they may do. Components call services directly (no
/// HTTP API in between), so a handler that acts checks here on the server, not only by hiding buttons.
/// </summary>
internal sealed class ConsoleAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User;

    /// <summary>True for operators and admins (policy <c>can-operate</c>).</summary>
    public async Task<bool> CanOperateAsync() =>
        (await authorization.AuthorizeAsync(await UserAsync().ConfigureAwait(false), FleetRoles.CanOperate).ConfigureAwait(false)).Succeeded;

    /// <summary>The user, if they may operate.</summary>
    /// <exception cref="UnauthorizedAccessException">A viewer (or nobody) tried to act.</exception>
    public async Task<ClaimsPrincipal> RequireOperatorAsync()
    {
        var user = await UserAsync().ConfigureAwait(false);
        if (!(await authorization.AuthorizeAsync(user, FleetRoles.CanOperate).ConfigureAwait(false)).Succeeded)
        {
            throw new UnauthorizedAccessException("this action needs the operator or admin role");
        }

        return user;
    }
}
