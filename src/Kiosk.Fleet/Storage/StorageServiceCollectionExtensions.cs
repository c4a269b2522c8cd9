using Kiosk.Fleet.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FleetDb"/> for the configured provider. Fails at start naming the key when
    /// PostgreSQL is chosen without <c>ConnectionStrings:Fleet</c>.
    /// </summary>
    public static IServiceCollection AddFleetStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(FleetOptions.Section).Get<FleetOptions>() ?? new FleetOptions();
        if (options.Database == DatabaseProvider.Postgres)
        {
            var connection = configuration.GetConnectionString("Fleet");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("ConnectionStrings:Fleet is required when Fleet:Database is Postgres.");
            }

            services.AddDbContext<PostgresFleetDb>(o => o.UseNpgsql(connection));
            services.AddScoped<FleetDb>(sp => sp.GetRequiredService<PostgresFleetDb>());
        }
        else
        {
            services.AddDbContext<SqliteFleetDb>(o => o.UseSqlite(SqliteConnectionString(options.StateDirectory)));
            services.AddScoped<FleetDb>(sp => sp.GetRequiredService<SqliteFleetDb>());
        }

        return services;
    }

    public static string SqliteConnectionString(string stateDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(stateDirectory, "fleet.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Applies the checked-in migrations; on SQLite also switches the file to WAL (readers never block the writer).</summary>
    public static async Task MigrateAsync(FleetDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var file = db.Database.GetDbConnection().DataSource;
            if (Path.GetDirectoryName(file) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
