using System.Text.Json.Nodes;

namespace Kiosk.Fleet.Api;

/// <summary>A kiosk in <c>GET /api/kiosks</c>; station and state sections are passed on as the kiosk sent them.</summary>
public sealed record KioskSummary(
    string Id,
    bool Online,
    DateTimeOffset? LastSeen,
    long? Boot,
    string? Epoch,
    string? Version,
    string? District,
    JsonNode? Station,
    JsonNode? Doors,
    JsonNode? Occupancy,
    JsonNode? Circuits,
    IReadOnlyList<string> Alarms);

/// <summary>One kiosk with its latest retained <c>state</c> as received.</summary>
public sealed record KioskDetail(KioskSummary Kiosk, JsonNode? State, DateTimeOffset? StateTs, DateTimeOffset? LastTelemetry);

/// <summary>A telemetry series for one key, aggregated per <c>step</c> seconds.</summary>
public sealed record TelemetrySeries(string Kiosk, string Key, int Step, IReadOnlyList<TelemetryPoint> Points);

public sealed record TelemetryPoint(DateTimeOffset T, double Avg, double Min, double Max, long Count);

/// <summary>A command's answer: <c>{"ok":true,"result"}</c> or <c>{"ok":false,"error"}</c>.</summary>
public sealed record CommandReplyDto(bool Ok, JsonNode? Result, string? Error);

/// <summary>Body of <c>POST /api/commands/{name}</c>: a kiosk list or a district, plus the command's arguments.</summary>
public sealed record BulkCommandRequest(IReadOnlyList<string>? Kiosks, string? District, JsonObject? Arguments);

public sealed record BulkCommandResult(string Kiosk, int Status, bool Ok, JsonNode? Result, string? Error);

public sealed record BulkCommandResponse(string Command, int Kiosks, int Succeeded, IReadOnlyList<BulkCommandResult> Results);

public sealed record AlarmDto(
    long Id,
    string Kiosk,
    string Type,
    DateTimeOffset Raised,
    string? Detail,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? Closed,
    int Notifications);

public sealed record WorkerLoginRequest(string? Phone, string? Code);

public sealed record WorkerLoginPending(bool CodeSent, int ExpiresInSeconds);

public sealed record OpenRequest(string? Kiosk, string? Door);

public sealed record PassResponse(string Kiosk, string? Door, string Pass, DateTimeOffset Expires);

public sealed record DisableWorkerResponse(string Sub, DateTimeOffset Disabled, int KiosksNotified);

public sealed record VisitsRow(string Kiosk, string? Station, string? Name, DateOnly Day, int Visits, int Holders);

public sealed record AttendanceSession(string Steward, DateTimeOffset CheckIn, DateTimeOffset? CheckOut, double Hours);

public sealed record AttendanceRow(string Kiosk, string? Station, string? Name, DateOnly Day, int Stewards, double Hours, IReadOnlyList<AttendanceSession> Sessions);

public sealed record StationEvaluation(
    string Kiosk,
    string? Station,
    string? Name,
    string? District,
    string Month,
    double AvailabilityPercent,
    int Visits,
    int Holders,
    double AttendanceHours,
    int Alarms,
    double? MedianAckMinutes);
