namespace Kiosk.Edge.Occupancy;

/// <summary>
/// The estimator's cabins, found by cabin id or by the id of a door leading into them (a cabin
/// without <c>Doors</c> has one door with its own id). Built once; the states inside are guarded by
/// the estimator's lock.
/// </summary>
internal sealed class CabinIndex
{
    private readonly Dictionary<string, CabinState> _cabins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CabinState> _byDoor = new(StringComparer.Ordinal);

    /// <param name="now">Start of every cabin's absence (nobody seen yet).</param>
    public CabinIndex(IReadOnlyDictionary<string, CabinOptions> cabins, DateTimeOffset now)
    {
        foreach (var (id, cabin) in cabins)
        {
            var s = new CabinState(id, cabin) { AbsentSince = now };
            _cabins[id] = s;
            foreach (var door in s.Doors)
            {
                _byDoor[door] = s;
            }
        }
    }

    public IReadOnlyCollection<string> Ids => _cabins.Keys;

    public IEnumerable<CabinState> All => _cabins.Values;

    /// <summary>The cabin with that id, else the cabin that door leads into; null when neither.</summary>
    public CabinState? Find(string cabinOrDoor) =>
        _cabins.TryGetValue(cabinOrDoor, out var c) ? c : _byDoor.GetValueOrDefault(cabinOrDoor);

    /// <summary>The cabin that door leads into; null for an unknown door (a cabin id is not enough here).</summary>
    public CabinState? ByDoor(string door) => _byDoor.GetValueOrDefault(door);
}
