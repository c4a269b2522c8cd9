using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Power;

/// <summary>A step of a simulated load script: from <see cref="At"/> after start the load draws <see cref="Watts"/>.</summary>
public sealed class LoadStepOptions
{
    /// <summary>Simulated meter script: time after start at which this step begins.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan At { get; set; }

    /// <summary>Simulated meter script: the draw in watts from this step on.</summary>
    [Range(0.0, 100_000.0)]
    public double Watts { get; set; }
}
