using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Occupancy;

/// <summary>One cabin's capacity and sensors (<c>Occupancy:Cabins:{id}</c>); checked by <see cref="OccupancyCabinsValidator"/>.</summary>
public sealed class CabinOptions
{
    public const int DefaultCapacity = 6;

    /// <summary>
    /// People allowed inside at once; passes are denied with <c>full</c> at this count. Unset: the
    /// door's <c>Doors:Cabins:{id}:Capacity</c> (what the birth message publishes), else 6.
    /// </summary>
    public int? Capacity { get; set; }

    /// <summary>Door ids whose openings lead into this cabin; empty means the door with the cabin's id.</summary>
    public List<string> Doors { get; set; } = [];

    /// <summary>GPIO line of the outer beam (A); with <see cref="BeamBPin"/>, makes the beam counter authoritative.</summary>
    public int? BeamAPin { get; set; }

    /// <summary>GPIO line of the inner beam (B).</summary>
    public int? BeamBPin { get; set; }

    /// <summary>Level of a beam input while the beam is interrupted.</summary>
    public LineLevel BeamActiveLevel { get; set; } = LineLevel.High;

    /// <summary>Bias of the beam inputs: PullDown for push-pull outputs (a disconnected receiver reads clear), PullUp for open-collector outputs to ground, None with an external resistor.</summary>
    public InputBias BeamBias { get; set; } = InputBias.None;

    /// <summary>GPIO line of the presence sensor (PIR, or a mmWave radar's presence output).</summary>
    public int? PresencePin { get; set; }

    /// <summary>Level of the presence input while someone is detected.</summary>
    public LineLevel PresenceActiveLevel { get; set; } = LineLevel.High;

    /// <summary>Bias of the presence input: PullDown for push-pull outputs (a disconnected sensor reads empty), PullUp for open-collector outputs to ground, None with an external resistor.</summary>
    public InputBias PresenceBias { get; set; } = InputBias.None;
}
