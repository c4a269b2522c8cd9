using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Storage;

/// <summary>One model, two generated migration sets: both must be up to date with the model.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_Migrations_MatchTheModel()
    {
        using var db = new SqliteFleetDb(new DbContextOptionsBuilder<SqliteFleetDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteFleetDb (docs/fleet.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_Migrations_MatchTheModel()
    {
        using var db = new PostgresFleetDb(new DbContextOptionsBuilder<PostgresFleetDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for PostgresFleetDb (docs/fleet.md)");
        Assert.Equal(
            new SqliteFleetDb(new DbContextOptionsBuilder<SqliteFleetDb>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations().Count(),
            db.Database.GetMigrations().Count());
    }
}
