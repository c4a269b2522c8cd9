using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Power;

/// <summary>One point of the trip curve: a draw of at least <see cref="Percent"/> of the limit trips after <see cref="After"/>.</summary>
public sealed class TripPointOptions
{
    /// <summary>Trip curve point: load in percent of the circuit's LimitWatts.</summary>
    [Range(100.0, 10_000.0)]
    public double Percent { get; set; }

    /// <summary>Trip curve point: how long that load may last before the circuit trips.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan After { get; set; }
}
