using System.CommandLine;
using Kiosk.Fleet.Accounts;

namespace Kiosk.Fleet.Cli;

/// <summary><c>kiosk-fleet users add|role</c>: operator, viewer and admin accounts.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", "Operator, viewer and admin accounts");
        var email = new Option<string>("--email") { Description = "Account e-mail (the login name)", Required = true };
        var password = new Option<string?>("--password") { Description = "Initial password; read from standard input when omitted (keeps it out of the process list)" };
        var role = new Option<string>("--role") { Description = "viewer, operator or admin", Required = true };
        role.AcceptOnlyFromAmong(FleetRoles.All);

        var add = new Command("add", "Create an account with a role") { email, password, role };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (result, ct) =>
        {
            await using var app = FleetCli.Host(result);
            await FleetApp.PrepareAsync(app.Services, ct).ConfigureAwait(false);
            await using var scope = app.Services.CreateAsyncScope();
            var secret = result.GetValue(password) ?? (await Console.In.ReadLineAsync(ct).ConfigureAwait(false))?.Trim();
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("--password: give a password (option or standard input)").ConfigureAwait(false);
                return 2;
            }

            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().AddUserAsync(result.GetRequiredValue(email), secret, result.GetRequiredValue(role)).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"created {user.Email} ({result.GetRequiredValue(role)}), id {user.Id}").ConfigureAwait(false);
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        });

        var setRole = new Command("role", "Give an account exactly one role; its open sessions must sign in again") { email, role };
        setRole.TreatUnmatchedTokensAsErrors = false;
        setRole.SetAction(async (result, ct) =>
        {
            await using var app = FleetCli.Host(result);
            await FleetApp.PrepareAsync(app.Services, ct).ConfigureAwait(false);
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SetRoleAsync(result.GetRequiredValue(email), result.GetRequiredValue(role)).ConfigureAwait(false);
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"--email: no account {result.GetRequiredValue(email)}").ConfigureAwait(false);
                return 1;
            }

            await Console.Out.WriteLineAsync($"{user.Email}: {result.GetRequiredValue(role)}").ConfigureAwait(false);
            return 0;
        });

        users.Subcommands.Add(add);
        users.Subcommands.Add(setRole);
        return users;
    }
}
