using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Configuration;

/// <summary>
/// The district's time zone (<see cref="FleetOptions.TimeZone"/>, IANA id, from the system's tzdata): a
/// report's day and month are calendar days and months there, and the console shows times there, whatever
/// the server's own zone (often UTC) or the browser's. Stored times stay UTC.
/// </summary>
internal sealed class FleetTimeZone
{
    public FleetTimeZone(IOptions<FleetOptions> options)
        : this(TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    public FleetTimeZone(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id (<c>Asia/Shanghai</c>), as the browser's charts are told.</summary>
    public string Id => Zone.Id;

    /// <summary>The calendar day, in this zone, of the UTC instant <paramref name="utc"/>.</summary>
    public DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone));

    /// <summary>The UTC instant at which <paramref name="day"/> begins in this zone.</summary>
    public DateTime StartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The UTC instant of a wall-clock time in this zone (a form's date and time). A time skipped by a
    /// daylight-saving change counts as the first valid time after the gap.
    /// </summary>
    public DateTime ToUtc(DateTime wall)
    {
        var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>The same instant as wall-clock time in this zone (its offset included), for display.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The same instant as wall-clock time in this zone, for display; <paramref name="utc"/> is UTC whatever its kind says.</summary>
    public DateTimeOffset Local(DateTime utc) => Local(new DateTimeOffset(AsUtc(utc)));

    private static DateTime AsUtc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
