namespace Kiosk.Edge.Occupancy;

/// <summary>One cabin's estimate and the facts behind it; guarded by the estimator's lock.</summary>
internal sealed class CabinState(string id, CabinOptions options)
{
    public string Id { get; } = id;

    public int Capacity { get; } = options.Capacity ?? CabinOptions.DefaultCapacity;

    public bool HasBeams { get; } = options.BeamAPin.HasValue && options.BeamBPin.HasValue;

    public bool HasPresence { get; } = options.PresencePin.HasValue;

    public IReadOnlyList<string> Doors { get; } = options.Doors.Count == 0 ? [id] : [.. options.Doors];

    public int Count { get; set; }

    public bool Present { get; set; }

    public DateTimeOffset AbsentSince { get; set; }

    public DateTimeOffset? LastActivity { get; set; }

    public DateTimeOffset? WelfareRaisedAt { get; set; }

    /// <summary>Whether occupancy.full was raised for the current stretch at capacity.</summary>
    public bool FullRaised { get; set; }
}
