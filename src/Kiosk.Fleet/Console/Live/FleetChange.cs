namespace Kiosk.Fleet.Web.Live;

/// <summary>What kind of fleet data changed (flags: one batch can change several).</summary>
[Flags]
public enum FleetChangeKinds
{
    None = 0,

    /// <summary>Birth or will: online, station metadata.</summary>
    Status = 1,

    /// <summary>Retained state: doors, occupancy, circuits.</summary>
    State = 2,

    Telemetry = 4,

    /// <summary>Kiosk events (they may raise or close alarms).</summary>
    Events = 8,

    /// <summary>An alarm raised by the fleet itself, or acknowledged.</summary>
    Alarms = 16,
}

/// <summary>One committed change: its kinds and the kiosks it touched. Published after the database commit, so a reader sees it.</summary>
public sealed record FleetChange(FleetChangeKinds Kinds, IReadOnlySet<string> Kiosks)
{
    /// <summary>A change of one kiosk.</summary>
    public static FleetChange Of(FleetChangeKinds kinds, string kioskId) => new(kinds, new HashSet<string>(StringComparer.Ordinal) { kioskId });

    public bool Touches(FleetChangeKinds kinds) => (Kinds & kinds) != 0;

    public bool Touches(FleetChangeKinds kinds, string kioskId) => Touches(kinds) && Kiosks.Contains(kioskId);
}
