using Kiosk.Fleet.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Accounts;

/// <summary>Creates the three roles and, in Development, the demo operator.</summary>
internal sealed partial class AccountSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<FleetUser> users,
    IOptions<FleetOptions> options,
    ILogger<AccountSeeder> logger)
{
    public const string DemoEmail = "operator@demo.invalid";
    public const string DemoPassword = "Operator-0";

    private readonly ILogger<AccountSeeder> _logger = logger;

    public async Task SeedAsync()
    {
        foreach (var role in FleetRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), role);
            }
        }

        if (options.Value.SeedDemoOperator)
        {
            var user = await users.FindByEmailAsync(DemoEmail).ConfigureAwait(false);
            if (user is null)
            {
                user = new FleetUser { UserName = DemoEmail, Email = DemoEmail, EmailConfirmed = true };
                Check(await users.CreateAsync(user, DemoPassword).ConfigureAwait(false), DemoEmail);
                Check(await users.AddToRolesAsync(user, [FleetRoles.Operator, FleetRoles.Admin]).ConfigureAwait(false), DemoEmail);
            }

            LogDemoOperator(DemoEmail, DemoPassword);
        }
    }

    /// <summary>Creates an account with one role (kiosk-fleet users add).</summary>
    public async Task<FleetUser> AddUserAsync(string email, string password, string role)
    {
        var user = new FleetUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password).ConfigureAwait(false), email);
        Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false), email);
        return user;
    }

    /// <summary>
    /// Gives an account exactly one role (kiosk-fleet users role) and renews its security stamp, so every
    /// session of the account (cookie, console circuit) is refused at its next check and signs in again
    /// with the new role.
    /// </summary>
    /// <returns>The account, or null when there is none with that e-mail.</returns>
    public async Task<FleetUser?> SetRoleAsync(string email, string role)
    {
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not { } user)
        {
            return null;
        }

        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user).ConfigureAwait(false)).ConfigureAwait(false), email);
        Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false), email);
        Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), email);
        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    // The demo password is public (fleet-api.md); no real credential is ever logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: demo operator {Email} / {Password} (roles operator, admin)")]
    private partial void LogDemoOperator(string email, string password);
}
