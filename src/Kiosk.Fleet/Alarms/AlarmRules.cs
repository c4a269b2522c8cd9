namespace Kiosk.Fleet.Alarms;

/// <summary>Which kiosk events raise an alarm, and which close one (contract section 3 event types).</summary>
internal static class AlarmRules
{
    public const string Offline = "offline";
    public const string NoTelemetry = "no_telemetry";
    public const string DataGap = "data_gap";

    private static readonly HashSet<string> Raising = new(StringComparer.Ordinal)
    {
        "door.forced_open",
        "door.held_open",
        "power.trip",
        "power.lockout",
        "power.sensor_fault",
        "occupancy.welfare_check",
        "intercom.help",
        "occupancy.full",
    };

    /// <summary>True when an event of this type raises an alarm of the same name. Climate alarms (<c>climate.*</c>) count once the kiosk sends them, except their clearing events.</summary>
    public static bool Raises(string eventType) =>
        Raising.Contains(eventType)
        || (eventType.StartsWith("climate.", StringComparison.Ordinal) && !Clears(eventType).Any());

    /// <summary>The alarm types an event of this type ends (the condition is over), on the same door or circuit.</summary>
    public static IEnumerable<string> Clears(string eventType) => eventType switch
    {
        "door.closed" => ["door.held_open", "door.forced_open"],
        "power.restored" => ["power.trip", "power.lockout"],
        _ when eventType.StartsWith("climate.", StringComparison.Ordinal) && (eventType.EndsWith(".cleared", StringComparison.Ordinal) || eventType.EndsWith(".normal", StringComparison.Ordinal)) =>
            [eventType[..eventType.LastIndexOf('.')]],
        _ => [],
    };

    /// <summary>Alarms with no clearing event are closed when acknowledged (someone took care of them).</summary>
    public static bool ClosesOnAck(string alarmType) =>
        alarmType is "intercom.help" or "occupancy.welfare_check" or "occupancy.full" or DataGap or "power.sensor_fault";
}
