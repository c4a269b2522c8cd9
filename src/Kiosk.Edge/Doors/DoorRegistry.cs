using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Edge.State;

namespace Kiosk.Edge.Doors;

/// <summary>
/// The kiosk's doors, by cabin id: what the access decision, commands and occupancy look doors up
/// in. Publishes the "doors" state section on every change of any door.
/// </summary>
internal sealed class DoorRegistry : IDisposable
{
    public const string StateSection = StateSections.Doors;

    private readonly Lock _publishGate = new();
    private readonly Dictionary<string, Door> _byId;
    private readonly StateBoard _state;

    internal DoorRegistry(IReadOnlyList<Door> doors, string defaultId, StateBoard state)
    {
        ArgumentOutOfRangeException.ThrowIfZero(doors.Count);
        _byId = doors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Default = _byId.TryGetValue(defaultId, out var d)
            ? d
            : throw new ArgumentException($"Default door '{defaultId}' is not among the doors.", nameof(defaultId));
        All = [Default, .. doors.Where(x => x != Default)];
        _state = state;
        foreach (var door in All)
        {
            door.Changed += _ => Publish();
        }
    }

    /// <summary>Every door, the default one first.</summary>
    public IReadOnlyList<Door> All { get; }

    /// <summary>The door a pass without a <c>door</c> claim opens (<c>Doors:Default</c>).</summary>
    public Door Default { get; }

    /// <summary>Looks a door up by its cabin id (case-sensitive, as in the <c>door</c> claim).</summary>
    public bool TryGet(string id, out Door door) => _byId.TryGetValue(id, out door!);

    /// <summary>The door named by <paramref name="id"/>, or the default door when it is null.</summary>
    public bool TryResolve(string? id, out Door door)
    {
        if (id is null)
        {
            door = Default;
            return true;
        }

        return TryGet(id, out door);
    }

    /// <summary>
    /// Every door to its safe (locked) state and listening to its inputs. Each door raises
    /// <see cref="Door.Changed"/> when it starts, which publishes the section.
    /// </summary>
    internal void Start()
    {
        foreach (var door in All)
        {
            door.Start();
        }
    }

    /// <summary>Every door locked and its timers stopped.</summary>
    internal void Stop()
    {
        foreach (var door in All)
        {
            door.Stop();
        }

        Publish();
    }

    public void Dispose()
    {
        foreach (var door in All)
        {
            door.Dispose();
        }
    }

    private void Publish()
    {
        // Snapshot and store together, so a slower publisher never overwrites a newer snapshot.
        lock (_publishGate)
        {
            var section = new Dictionary<string, DoorState>(StringComparer.Ordinal);
            foreach (var door in All)
            {
                section[door.Id] = door.ToState();
            }

            _state.Set(StateSection, section, ContractJsonContext.Default.DictionaryStringDoorState);
        }
    }
}
