using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Simulation;

/// <summary>
/// <c>Fleet:Simulator</c>: a living fleet for Development (issue 14). When enabled, the service also runs simulated
/// kiosks (Kiosk.FleetSim: the Yingze district of Taiyuan by default) against its broker, trusting its own signing key.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Fleet:Simulator";

    /// <summary>Off unless configured (on in appsettings.Development.json).</summary>
    public bool Enabled { get; set; }

    /// <summary>How many kiosks: the first 20 are the named Yingze stations.</summary>
    [Range(0, 10_000)]
    public int Count { get; set; } = 20;

    /// <summary>The same seed gives the same behaviour.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Virtual seconds per wall second (1: the kiosks live in real time).</summary>
    [Range(0.001, 100_000)]
    public double TimeScale { get; set; } = 1;

    /// <summary>Visits per station per day.</summary>
    [Range(0, 100_000)]
    public double VisitsPerDay { get; set; } = 40;

    /// <summary>Kiosk ids are <c>{IdPrefix}-0001</c>....</summary>
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,49}$")]
    public string IdPrefix { get; set; } = "tyyz";
}
