using Microsoft.Data.Sqlite;

namespace Kiosk.Edge.Storage;

/// <summary>Opens the kiosk's SQLite stores with the settings a board that loses power needs.</summary>
internal static class Sqlite
{
    /// <summary>The page cache limit of each connection: negative is KiB (https://sqlite.org/pragma.html#pragma_cache_size).</summary>
    internal const int CacheSizePragma = -256;

    public static SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        // WAL keeps readers off the writer; FULL makes every commit survive a power cut, not only a process kill.
        // cache_size: SQLite's default page cache grows to 2 MB per connection as a database grows, and the
        // kiosk keeps about eight open for months; 256 KiB holds the pages a scan touches (the rest comes from
        // the OS page cache, not the SD card). docs/deployment.md, "Memory of the Native AOT build".
        Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA cache_size={CacheSizePragma};");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static long ScalarLong(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
