namespace Kiosk.FleetSim.Behaviour;

/// <summary>How a simulated kiosk behaves; rates are per kiosk, in virtual time.</summary>
internal sealed record BehaviourOptions
{
    /// <summary>The model's step: behaviour advances in whole steps of virtual time (the stream depends on it).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Visits (door openings by a worker's pass) per station per day, spread by <see cref="VisitProfile"/>.</summary>
    public double VisitsPerDay { get; init; } = 40;

    /// <summary>The stations' time zone: visits peak at 06:00 and 12:00 local.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>How often telemetry is sampled (report by exception: only keys past their deadband, all every <see cref="TelemetryFullEvery"/>).</summary>
    public TimeSpan TelemetryPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every key is sent again at least this often.</summary>
    public TimeSpan TelemetryFullEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a released lock stays released without the door opening (the kiosk's UnlockTime).</summary>
    public TimeSpan UnlockTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An open door raises held_open after this long.</summary>
    public TimeSpan HeldOpenAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Cellular link drops per kiosk per day; each lasts 30 s to 10 min.</summary>
    public double LinkDropsPerDay { get; init; } = 1;

    /// <summary>Forced openings per kiosk per day (about one a month).</summary>
    public double ForcedOpensPerDay { get; init; } = 1.0 / 30;

    /// <summary>Help calls per kiosk per day.</summary>
    public double HelpCallsPerDay { get; init; } = 0.1;

    /// <summary>Chance a visitor leaves the door open (held_open).</summary>
    public double HeldOpenChance { get; init; } = 0.01;

    /// <summary>Chance a microwave use trips its circuit (a kettle and a microwave on one socket).</summary>
    public double TripChance { get; init; } = 0.03;

    /// <summary>Events kept while offline; past it the oldest are dropped, counted and reported (<c>events.dropped</c>).</summary>
    public int MaxPendingEvents { get; init; } = 10_000;

    /// <summary>Keep every event appended (<see cref="EventLog.Recorded"/>): for comparing streams, not for long runs.</summary>
    public bool RecordEvents { get; init; }
}
