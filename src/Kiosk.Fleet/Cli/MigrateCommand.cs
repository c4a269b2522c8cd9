using System.CommandLine;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Cli;

/// <summary><c>kiosk-fleet migrate</c>: applies the checked-in migrations (the service also does at start).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = FleetCli.Host(result);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            await StorageServiceCollectionExtensions.MigrateAsync(db, ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"database up to date ({db.Database.ProviderName})").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
