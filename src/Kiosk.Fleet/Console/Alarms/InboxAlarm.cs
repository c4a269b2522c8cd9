namespace Kiosk.Fleet.Web.Alarms;

/// <summary>One alarm row of the inbox (times UTC).</summary>
public sealed record InboxAlarm(
    long Id,
    string KioskId,
    string? StationName,
    string Type,
    AlarmSeverity Severity,
    DateTimeOffset Raised,
    string? Detail,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt);

/// <summary>The inbox's filter: null fields match everything.</summary>
public sealed record InboxFilter(AlarmSeverity? Severity = null, string? Type = null, string? KioskId = null, bool IncludeAcknowledged = false);
