using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Power;

/// <summary>The power guard (configuration section <c>Power</c>): circuits, meters, protection and saving.</summary>
public sealed class PowerOptions
{
    public const string Section = "Power";

    /// <summary>Appliance circuits keyed by id (heater, microwave, aircon, outlet, ...).</summary>
    public Dictionary<string, CircuitOptions> Circuits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Meter channels keyed by name; a circuit names its meter.</summary>
    public Dictionary<string, MeterOptions> Meters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The supply breaker's rating: above it the guard sheds circuits before the main breaker trips.</summary>
    [Range(1.0, 1_000_000.0)]
    public double KioskLimitWatts { get; set; } = 3600;

    /// <summary>How often every meter is read and protection evaluated.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan SamplePeriod { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Inverse-time trip curve: percent of a circuit's limit and how long it may last. Empty means
    /// <see cref="TripCurve.Default"/> (110 % for 30 s, 150 % for 2 s, 200 % for 0.5 s). Configuration
    /// binding appends to lists, so the default lives outside this property.
    /// </summary>
    [Microsoft.Extensions.Options.ValidateEnumeratedItems]
    public List<TripPointOptions> TripCurve { get; set; } = [];

    /// <summary>A tripped circuit is switched back on after this long (unless locked out).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>This many trips within <see cref="LockoutWindow"/> lock the circuit out until an operator resets it.</summary>
    [Range(1, 100)]
    public int LockoutTrips { get; set; } = 3;

    /// <summary>The window in which Power:LockoutTrips trips lock a circuit out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The kiosk total must stay above <see cref="KioskLimitWatts"/> this long before circuits are shed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ShedAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A shed circuit comes back only when the total plus its last draw stays under this percentage of the kiosk limit.</summary>
    [Range(10.0, 100.0)]
    public double ShedRestoreBelowPercent { get; set; } = 90;

    /// <summary>Minimum time between a shedding or restoring action and the next restore.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ShedCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A continuously reporting meter that repeats the same non-zero value this long while its relay is on is frozen.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FrozenAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Circuits that follow occupancy switch off after the kiosk has been empty this long.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SavingAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Energy counters are written to disk this often (and at shutdown), not every sample.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PersistEvery { get; set; } = TimeSpan.FromMinutes(1);
}
