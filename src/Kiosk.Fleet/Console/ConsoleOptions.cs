using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Web;

/// <summary><c>Fleet:Console</c>: the operator console's language and map.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Fleet:Console";

    /// <summary>The console's language until a user picks one: <c>zh-CN</c> (production default) or <c>en</c>.</summary>
    [Required]
    [RegularExpression("^(zh-CN|en)$", ErrorMessage = "Fleet:Console:DefaultCulture must be zh-CN or en")]
    public string DefaultCulture { get; set; } = "zh-CN";

    /// <summary>
    /// A Leaflet tile URL template (<c>https://…/{z}/{x}/{y}.png</c>); empty (the default) draws no tiles,
    /// only the vendored district outlines. The map is WGS-84: a GCJ-02 tile provider (most Chinese
    /// ones) shows the stations 300-700 m off unless their positions are converted for display.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider requires (shown on the map when tiles are drawn).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The service radius drawn around every station, in metres (the national target: 1 km, 15 minutes on foot).</summary>
    [Range(100, 10_000)]
    public int ServiceRadiusMeters { get; set; } = 1000;

    /// <summary>
    /// How often an open console (its circuit) and a signed-in browser (its cookie) are checked against the
    /// account store: a removed role, a locked-out account or a renewed security stamp ends the session at
    /// the next check (00:00:10 to 01:00:00; default one minute). Commands check the store every time anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Fleet:Console:SessionCheckInterval must be between 00:00:10 and 01:00:00")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
