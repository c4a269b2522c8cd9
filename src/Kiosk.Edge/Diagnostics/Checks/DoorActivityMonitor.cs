using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Hosting;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// Watches each door's contact and the openings granted since it last changed, for the
/// plausibility part of <see cref="DoorInputsCheck"/>. Started with the host so it sees everything.
/// </summary>
internal sealed class DoorActivityMonitor : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly DoorRegistry _doors;
    private readonly EventJournal _journal;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public DoorActivityMonitor(DoorRegistry doors, EventJournal journal, TimeProvider time)
    {
        _doors = doors;
        _journal = journal;
        _time = time;
        var now = time.GetUtcNow();
        foreach (var door in doors.All)
        {
            _entries[door.Id] = new Entry(door.IsOpen, door.IsOpen ? now : null, 0);
            door.Changed += OnChanged;
        }

        journal.Appended += OnAppended;
    }

    /// <summary>What the monitor saw of one door: when its contact opened (if open) and openings granted since its last change.</summary>
    public DoorActivity Get(string door)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(door, out var e) ? new DoorActivity(e.OpenSince, e.Openings) : new DoorActivity(null, 0);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _journal.Appended -= OnAppended;
        foreach (var door in _doors.All)
        {
            door.Changed -= OnChanged;
        }
    }

    private void OnChanged(Door door)
    {
        var open = door.IsOpen;
        lock (_gate)
        {
            if (_entries.TryGetValue(door.Id, out var e) && e.Open != open)
            {
                _entries[door.Id] = new Entry(open, open ? _time.GetUtcNow() : null, 0);
            }
        }
    }

    private void OnAppended(KioskEvent e)
    {
        if (e.Body is not DoorOpened { Door: var id })
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(id, out var entry))
            {
                _entries[id] = entry with { Openings = entry.Openings + 1 };
            }
        }
    }

    private sealed record Entry(bool Open, DateTimeOffset? OpenSince, int Openings);
}

/// <summary>A door's contact history as the diagnostics see it.</summary>
internal readonly record struct DoorActivity(DateTimeOffset? OpenSince, int OpeningsSinceChange);
