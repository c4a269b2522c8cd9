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

    /// <summary>Door releases waiting for the door to open.</summary>
    public CabinPassages Passages { get; } = new();

    /// <summary>
    /// People inside as far as the kiosk can tell: the count, but at least one while the presence
    /// sensor sees someone (a tailgater nothing counted) without storing that one, so a presence
    /// glitch is gone when the sensor clears.
    /// </summary>
    public int Estimate => HasPresence && Present ? Math.Max(Count, 1) : Count;

    /// <summary>
    /// The presence sensor sees nobody and the door has not opened since it stopped seeing anyone:
    /// nobody can be inside whom the sensor would not see, so the cabin is not full whatever the count says.
    /// </summary>
    public bool SeenEmpty => HasPresence && !Present && (Passages.LastOpened is not { } opened || opened < AbsentSince);

    /// <summary>Whether occupancy.full was raised for the current stretch at capacity.</summary>
    public bool FullRaised { get; set; }
}
