namespace Kiosk.Fleet.Storage;

// The persisted rows. Times are UTC DateTime (FleetDb converts on read), so SQLite and PostgreSQL
// compare and order them the same way.

/// <summary>One kiosk as last seen: from its retained status (birth/will) and state.</summary>
public sealed class KioskRow
{
    public required string Id { get; set; }

    public bool Online { get; set; }

    public DateTime? LastSeen { get; set; }

    public long? Boot { get; set; }

    /// <summary>Installation epoch from the birth message; a change means the kiosk was rebuilt.</summary>
    public string? Epoch { get; set; }

    public string? Version { get; set; }

    /// <summary>Station metadata from the birth message, as received (JSON object).</summary>
    public string? Station { get; set; }

    /// <summary>Station code prefix or the station's own <c>district</c>: what bulk commands address.</summary>
    public string? District { get; set; }

    /// <summary>Latest retained state, as received (JSON object).</summary>
    public string? State { get; set; }

    public DateTime? StateTs { get; set; }

    public DateTime? LastTelemetry { get; set; }

    /// <summary>Highest event <c>seq</c> stored in the current epoch.</summary>
    public long HighestSeq { get; set; }

    /// <summary>Highest revocation id this kiosk acknowledged (in its current epoch).</summary>
    public long RevocationsDelivered { get; set; }
}

/// <summary>A kiosk event, stored once: the key is the kiosk and the event id.</summary>
public sealed class EventRow
{
    public required string KioskId { get; set; }

    public required string EventId { get; set; }

    public long Seq { get; set; }

    public DateTime Ts { get; set; }

    public required string Type { get; set; }

    public string? Sub { get; set; }

    public string? Door { get; set; }

    /// <summary>The event exactly as the kiosk sent it (JSON object).</summary>
    public required string Payload { get; set; }

    public DateTime Received { get; set; }
}

/// <summary>One raw telemetry value (kept for <c>Fleet:Telemetry:RawRetention</c>).</summary>
public sealed class TelemetrySample
{
    public long Id { get; set; }

    public required string KioskId { get; set; }

    public required string Key { get; set; }

    public DateTime Ts { get; set; }

    public double Value { get; set; }
}

/// <summary>An aggregate of one key over one bucket of <see cref="StepSeconds"/> (60 or 3600).</summary>
public sealed class TelemetryRollup
{
    public required string KioskId { get; set; }

    public required string Key { get; set; }

    public int StepSeconds { get; set; }

    public DateTime Bucket { get; set; }

    public long Count { get; set; }

    public double Sum { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }
}

/// <summary>Online/offline transitions, for availability.</summary>
public sealed class StatusChange
{
    public long Id { get; set; }

    public required string KioskId { get; set; }

    public bool Online { get; set; }

    public DateTime Ts { get; set; }

    public long? Boot { get; set; }
}

/// <summary>Missing <c>seq</c> values seen at ingest, confirmed (or dropped) after a grace period.</summary>
public sealed class SeqGap
{
    public long Id { get; set; }

    public required string KioskId { get; set; }

    public long FromSeq { get; set; }

    public long ToSeq { get; set; }

    public DateTime Detected { get; set; }
}

public sealed class AlarmRow
{
    public long Id { get; set; }

    public required string KioskId { get; set; }

    /// <summary>The event type that raised it (<c>door.forced_open</c>...) or <c>offline</c>, <c>no_telemetry</c>, <c>data_gap</c>.</summary>
    public required string Type { get; set; }

    public DateTime Raised { get; set; }

    public string? Detail { get; set; }

    public string? SourceEventId { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public DateTime? Closed { get; set; }

    public DateTime? LastNotified { get; set; }

    public int Notifications { get; set; }
}

/// <summary>Who sent which command to which kiosk, with what, and what came back.</summary>
public sealed class CommandAudit
{
    public long Id { get; set; }

    /// <summary>Operator account id, or the worker's pseudonym for the phone flow.</summary>
    public required string Actor { get; set; }

    public required string KioskId { get; set; }

    public required string Command { get; set; }

    public required string Arguments { get; set; }

    public required string RequestId { get; set; }

    public DateTime Requested { get; set; }

    public DateTime? Completed { get; set; }

    /// <summary><c>ok</c>, the kiosk's reason, <c>timeout</c> or <c>unreachable</c>.</summary>
    public string? Outcome { get; set; }

    public string? Result { get; set; }
}

/// <summary>A pseudonymous worker: the phone number is kept only as a keyed hash.</summary>
public sealed class WorkerAccount
{
    /// <summary>The pseudonym the kiosks see (<c>sub</c>).</summary>
    public required string Sub { get; set; }

    /// <summary>HMAC-SHA256 of the normalised phone number under the service's pepper (hex).</summary>
    public required string PhoneHash { get; set; }

    public DateTime Created { get; set; }

    public DateTime? Disabled { get; set; }
}

/// <summary>A pending one-time login code (hashed).</summary>
public sealed class LoginCode
{
    public required string PhoneHash { get; set; }

    public required string CodeHash { get; set; }

    public DateTime Expires { get; set; }

    public int Attempts { get; set; }
}

/// <summary>A fleet-wide revocation (a disabled worker); re-sent to every kiosk that has not acknowledged it.</summary>
public sealed class Revocation
{
    public long Id { get; set; }

    public required string Sub { get; set; }

    public DateTime Created { get; set; }

    public required string By { get; set; }
}

/// <summary>A kiosk message the service could not read: kept (not lost), acknowledged, counted and logged.</summary>
public sealed class DeadLetter
{
    public long Id { get; set; }

    public required string Topic { get; set; }

    public required string Payload { get; set; }

    public required string Reason { get; set; }

    public DateTime Received { get; set; }
}
