using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiosk.Fleet.Storage;

/// <summary>For <c>dotnet ef migrations add X --context SqliteFleetDb -o Storage/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFleetDb>
{
    public SqliteFleetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFleetDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresFleetDb -o Storage/Migrations/Postgres</c> (no server needed).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFleetDb>
{
    public PostgresFleetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFleetDb>().UseNpgsql("Host=localhost;Database=fleet").Options);
}
