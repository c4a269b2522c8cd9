using Kiosk.Edge.Storage;

namespace Kiosk.Tests.Storage;

public sealed class SqliteTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiosk-sqlite-").FullName;

    [Fact]
    public void Open_NewDatabase_WalFullSyncAndASmallPageCache()
    {
        using var connection = Sqlite.Open(Path.Combine(_directory, "state", "test.db"));

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("2", Scalar(connection, "PRAGMA synchronous")); // FULL
        Assert.Equal("5000", Scalar(connection, "PRAGMA busy_timeout"));
        Assert.Equal("-256", Scalar(connection, "PRAGMA cache_size"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string? Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
