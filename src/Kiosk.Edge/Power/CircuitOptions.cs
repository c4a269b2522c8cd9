using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Power;

/// <summary>One appliance circuit: a relay, a meter channel and its protection settings.</summary>
public sealed class CircuitOptions
{
    /// <summary>GPIO line (BCM numbering) driving the circuit's relay.</summary>
    [Range(0, 63)]
    public int RelayPin { get; set; } = -1;

    /// <summary>True when the relay driver energises on a low level.</summary>
    public bool RelayActiveLow { get; set; }

    /// <summary>The circuit's state while the service runs and nothing (operator, protection, saving) says otherwise.</summary>
    public bool NormallyOn { get; set; } = true;

    /// <summary>The circuit's rated power; the trip curve is in percent of it.</summary>
    [Range(1.0, 100_000.0)]
    public double LimitWatts { get; set; }

    /// <summary>Name of the meter channel (a key of <c>Power:Meters</c>).</summary>
    [Required]
    public string Meter { get; set; } = "";

    /// <summary>Shedding order when the kiosk limit is exceeded: the lowest priority is shed first.</summary>
    [Range(0, 1000)]
    public int Priority { get; set; }

    /// <summary>Switched off after the kiosk has been empty for <c>Power:SavingAfter</c>, back on at the next entry.</summary>
    public bool FollowsOccupancy { get; set; }

    /// <summary>The state the circuit takes while its meter is faulty (cannot be protected by measurement).</summary>
    public SafeState SafeState { get; set; } = SafeState.Off;
}
