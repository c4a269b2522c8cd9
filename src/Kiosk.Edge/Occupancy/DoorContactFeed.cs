using Kiosk.Edge.Doors;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Tells the estimator when a cabin door actually opens and when it relocks, so a release counts as
/// a passage only once the door opened for it. Doors without a contact sensor are not wired: their
/// releases keep counting at once (<see cref="CabinPassages"/>).
/// </summary>
internal sealed class DoorContactFeed : IDisposable
{
    private readonly List<(Door Door, Action<Door> Handler)> _wired = [];

    public DoorContactFeed(DoorRegistry doors, DoorsOptions options, OccupancyEstimator estimator)
    {
        foreach (var door in doors.All)
        {
            if (!options.Cabins.TryGetValue(door.Id, out var cabin) || cabin.ContactPin is null)
            {
                continue;
            }

            estimator.SenseDoor(door.Id);
            void OnChanged(Door d) => estimator.DoorChanged(d.Id, d.IsOpen, d.IsLocked);
            door.Changed += OnChanged;
            _wired.Add((door, OnChanged));
        }
    }

    public void Dispose()
    {
        foreach (var (door, handler) in _wired)
        {
            door.Changed -= handler;
        }
    }
}
