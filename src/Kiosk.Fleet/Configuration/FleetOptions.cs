using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Configuration;

/// <summary>The service itself (configuration section <c>Fleet</c>).</summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";

    /// <summary>Where the SQLite database (and Development key material) live.</summary>
    [Required(ErrorMessage = "Fleet:StateDirectory is required")]
    public string StateDirectory { get; set; } = "/var/lib/kiosk-fleet";

    /// <summary><c>Sqlite</c> (default, a file in the state folder) or <c>Postgres</c> (ConnectionStrings:Fleet).</summary>
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Public base URL of the service, as encoded in door QR codes (<c>{PublicUrl}/k/{id}?door=D</c>).</summary>
    [Required(ErrorMessage = "Fleet:PublicUrl is required")]
    [Url(ErrorMessage = "Fleet:PublicUrl must be an absolute http(s) URL")]
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Development: create the demo operator <c>operator@demo.invalid</c> / <c>Operator-0</c> at start.</summary>
    public bool SeedDemoOperator { get; set; }

    /// <summary>
    /// The district's IANA time zone (default <c>Asia/Shanghai</c>; the system's tzdata): report days and
    /// months are its calendar days, and the console shows times in it. Stored and API times stay UTC.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Largest accepted JSON request body in bytes; larger bodies get 413 and change nothing.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 16 * 1024;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
