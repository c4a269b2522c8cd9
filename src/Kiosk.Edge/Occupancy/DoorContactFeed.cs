using Kiosk.Edge.Doors;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Tells the estimator when a cabin door actually opens and when it relocks, so a release counts as
/// a passage only once the door opened for it. Every kiosk door has a contact
/// (<c>Doors:Cabins:{id}:ContactPin</c> is required), so every door is wired.
/// </summary>
internal sealed class DoorContactFeed : IDisposable
{
    private readonly List<(Door Door, Action<Door> Handler)> _wired = [];

    public DoorContactFeed(DoorRegistry doors, OccupancyEstimator estimator)
    {
        foreach (var door in doors.All)
        {
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
