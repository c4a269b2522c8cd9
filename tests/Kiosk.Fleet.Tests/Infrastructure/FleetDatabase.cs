using Kiosk.Fleet.Configuration;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>Where one test's fleet keeps its data: a SQLite file in a temporary state folder, or a fresh PostgreSQL database.</summary>
public sealed record FleetDatabase(DatabaseProvider Provider, string StateDirectory, string? ConnectionString)
{
    public static async Task<FleetDatabase> CreateAsync(DatabaseProvider provider, SharedServers servers)
    {
        var state = Directory.CreateTempSubdirectory("kiosk-fleet-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new FleetDatabase(provider, state, null);
        }

        var postgres = await servers.PostgresAsync();
        return new FleetDatabase(provider, state, postgres.ConnectionString("fleet_" + Guid.NewGuid().ToString("N")[..16]));
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Fleet:StateDirectory", StateDirectory);
        yield return new("Fleet:Database", Provider.ToString());
        if (ConnectionString is not null)
        {
            yield return new("ConnectionStrings:Fleet", ConnectionString);
        }
    }
}
