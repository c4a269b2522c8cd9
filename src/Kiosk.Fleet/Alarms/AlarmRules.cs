using Kiosk.Contract.Events;

namespace Kiosk.Fleet.Alarms;

/// <summary>Which kiosk events raise an alarm, and which close one (contract section 3 event types).</summary>
internal static class AlarmRules
{
    public const string Offline = "offline";
    public const string NoTelemetry = "no_telemetry";
    public const string DataGap = "data_gap";

    private static readonly HashSet<string> Raising = new(StringComparer.Ordinal)
    {
        EventTypes.DoorForcedOpen,
        EventTypes.DoorHeldOpen,
        EventTypes.PowerTrip,
        EventTypes.PowerLockout,
        EventTypes.PowerSensorFault,
        EventTypes.OccupancyWelfareCheck,
        EventTypes.IntercomHelp,
        EventTypes.OccupancyFull,
    };

    /// <summary>True when an event of this type raises an alarm of the same name. Climate alarms (<c>climate.*</c>) count once the kiosk sends them, except their clearing events.</summary>
    public static bool Raises(string eventType) =>
        Raising.Contains(eventType)
        || (eventType.StartsWith("climate.", StringComparison.Ordinal) && !Clears(eventType).Any());

    /// <summary>The alarm types an event of this type ends (the condition is over), on the same door or circuit.</summary>
    public static IEnumerable<string> Clears(string eventType) => eventType switch
    {
        EventTypes.DoorClosed => [EventTypes.DoorHeldOpen, EventTypes.DoorForcedOpen],
        EventTypes.PowerRestored => [EventTypes.PowerTrip, EventTypes.PowerLockout],
        EventTypes.PowerSensorRecovered => [EventTypes.PowerSensorFault],
        EventTypes.IntercomHelpAck => [EventTypes.IntercomHelp],
        _ when eventType.StartsWith("climate.", StringComparison.Ordinal) && (eventType.EndsWith(".cleared", StringComparison.Ordinal) || eventType.EndsWith(".normal", StringComparison.Ordinal)) =>
            [eventType[..eventType.LastIndexOf('.')]],
        _ => [],
    };

    /// <summary>Alarms with no clearing event are closed when acknowledged (someone took care of them).</summary>
    public static bool ClosesOnAck(string alarmType) =>
        alarmType is EventTypes.IntercomHelp or EventTypes.OccupancyWelfareCheck or EventTypes.OccupancyFull or DataGap or EventTypes.PowerSensorFault;
}
