using Kiosk.Contract.Events;
using Kiosk.Fleet.Alarms;
using Microsoft.Extensions.Localization;

namespace Kiosk.Fleet.Web.Alarms;

/// <summary>How urgent an alarm type is in the inbox.</summary>
public enum AlarmSeverity
{
    /// <summary>A person may need help, or a door stands open to the street.</summary>
    Critical,

    Warning,

    Notice,
}

/// <summary>Alarm types as people read them: a localized name (resource <c>Alarm_{type}</c>, else the type itself) and a severity.</summary>
public static class AlarmNames
{
    public static string Name(IStringLocalizer localizer, string type)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var s = localizer["Alarm_" + type];
        return s.ResourceNotFound ? type : s.Value;
    }

    public static AlarmSeverity Severity(string type) => type switch
    {
        EventTypes.IntercomHelp or EventTypes.DoorForcedOpen or EventTypes.OccupancyWelfareCheck or EventTypes.PowerLockout => AlarmSeverity.Critical,
        EventTypes.OccupancyFull => AlarmSeverity.Notice,
        AlarmRules.Offline or AlarmRules.NoTelemetry or AlarmRules.DataGap => AlarmSeverity.Warning,
        _ when type.StartsWith("climate.", StringComparison.Ordinal) => AlarmSeverity.Critical,
        _ => AlarmSeverity.Warning,
    };
}
