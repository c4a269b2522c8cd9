using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;

namespace Kiosk.FleetSim.Runner;

/// <summary>A simulator run: how many kiosks, which seed, the virtual clock, the broker and the trusted issuers.</summary>
internal sealed record SimOptions
{
    public int Count { get; init; } = 20;

    public int Seed { get; init; } = 1;

    /// <summary>Kiosk ids are <c>{IdPrefix}-0001</c>...</summary>
    public string IdPrefix { get; init; } = Stations.StationCatalog.DefaultIdPrefix;

    /// <summary>Virtual seconds per wall second.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Virtual start; null: the wall clock's now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>New connections per second at start (kiosk i waits i / rate); the kiosks' own start delay comes on top.</summary>
    public double ConnectRate { get; init; } = 50;

    /// <summary>How often the stepping loop runs (wall).</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The software version kiosks report in their birth and system.started.</summary>
    public string Version { get; init; } = "0.1.0-sim";

    /// <summary>Command tokens: the kiosk's default clock skew.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    public BehaviourOptions Behaviour { get; init; } = new();

    public required LinkOptions Link { get; init; }

    public required TrustSource Trust { get; init; }
}
