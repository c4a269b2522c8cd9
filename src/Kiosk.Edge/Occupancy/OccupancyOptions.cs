using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Occupancy;

/// <summary>Occupancy estimation (configuration section <c>Occupancy</c>).</summary>
public sealed class OccupancyOptions
{
    public const string Section = "Occupancy";

    /// <summary>The cabins, keyed by cabin id (<c>Occupancy:Cabins:{id}</c>).</summary>
    public Dictionary<string, CabinOptions> Cabins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A cabin whose presence sensor has seen nobody for this long is empty, whatever the count said.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan EmptyAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An occupied cabin with no motion and no door activity for this long raises a welfare check.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan WelfareAfter { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>The welfare check repeats at this interval until activity returns.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan WelfareRepeat { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A beam crossing that takes longer than this counts nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CrossingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The count never exceeds this (a sanity bound far above any capacity).</summary>
    [Range(1, 200)]
    public int MaxCount { get; set; } = 20;

    /// <summary>IANA time zone of the station: visits per day reset at its local midnight.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often the monitor re-evaluates emptiness, welfare and the day boundary.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);
}
