using System.CommandLine;

namespace Kiosk.Fleet.Cli;

/// <summary>
/// <c>kiosk-fleet</c>: with no command it runs the service (unrecognised tokens such as
/// <c>--urls</c> go to the ASP.NET Core host); the admin commands work on the same configuration and database.
/// </summary>
internal static class FleetCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Kiosk Edge fleet service and its admin commands") { TreatUnmatchedTokensAsErrors = false };
        root.SetAction(async (result, ct) =>
        {
            await using var app = FleetApp.Build([.. result.UnmatchedTokens]);
            await FleetApp.PrepareAsync(app.Services, ct).ConfigureAwait(false);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        });
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(KioskCommands.Create());
        root.Subcommands.Add(QrCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        return root;
    }

    /// <summary>The service's host, built but not started: for commands that use its configuration and database.</summary>
    public static WebApplication Host(ParseResult result) => FleetApp.Build([.. result.UnmatchedTokens], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
}
