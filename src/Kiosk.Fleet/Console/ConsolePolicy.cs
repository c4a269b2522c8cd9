using Kiosk.Fleet.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Kiosk.Fleet.Web;

/// <summary>
/// The console pages' policy: the roles of <c>can-view</c>, authenticated by the Identity cookie, so
/// an anonymous visitor is sent to the sign-in page rather than given the API's bare 401. Put on every
/// page: <c>@attribute [Authorize(Policy = ConsolePolicy.View)]</c>. (Components may not name schemes
/// themselves; a policy may.) Acting is checked with <see cref="Accounts.ConsoleAccess"/>.
/// </summary>
public static class ConsolePolicy
{
    public const string View = "console-view";

    internal static void Add(AuthorizationBuilder authorization) =>
        authorization.AddPolicy(View, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireRole(FleetRoles.Viewer, FleetRoles.Operator, FleetRoles.Admin));
}
