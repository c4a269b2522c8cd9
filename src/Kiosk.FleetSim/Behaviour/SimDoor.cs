using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// One cabin door: lock, contact, mode and alarm, as the kiosk's door reports them. Released by a pass, a command or
/// the exit button, it opens, closes again at <see cref="_closeAt"/> and relocks; open past the held-open time it
/// raises <c>door.held_open</c>; opened while locked, <c>door.forced_open</c>.
/// </summary>
internal sealed class SimDoor(string id, int capacity, BehaviourOptions options)
{
    private DateTimeOffset _openedAt;
    private DateTimeOffset _closeAt;
    private DateTimeOffset _relockAt;

    public string Id { get; } = id;

    public int Capacity { get; } = capacity;

    public string Mode { get; set; } = DoorModes.Normal;

    public bool Unlocked { get; private set; }

    public bool Open { get; private set; }

    public string? Alarm { get; private set; }

    public DoorState State => new(Unlocked ? "unlocked" : "locked", Open ? "open" : "closed", Mode, Alarm);

    /// <summary>Released for someone who walks through and lets the door close after <paramref name="openFor"/>.</summary>
    public void PassThrough(DateTimeOffset now, TimeSpan openFor, EventLog log, KioskEventBody opened)
    {
        log.Append(opened, now);
        Unlocked = true;
        _relockAt = now + options.UnlockTime;
        if (!Open)
        {
            Open = true;
            _openedAt = now;
        }

        _closeAt = Max(_closeAt, now + openFor);
    }

    /// <summary>Released without anyone walking through (a remote unlock): relocks after the unlock time.</summary>
    public void Release(DateTimeOffset now)
    {
        Unlocked = true;
        _relockAt = now + options.UnlockTime;
    }

    public void Lock()
    {
        Unlocked = Mode == DoorModes.HoldOpen;
        _relockAt = DateTimeOffset.MinValue;
    }

    /// <summary>Pried open while locked: forced_open, closed again after <paramref name="openFor"/>.</summary>
    public void Force(DateTimeOffset now, TimeSpan openFor, EventLog log)
    {
        Open = true;
        _openedAt = now;
        _closeAt = now + openFor;
        Alarm = "forced_open";
        log.Append(new DoorForcedOpen(Id), now);
    }

    /// <summary>One step: held-open alarm, closing, relocking.</summary>
    public bool Step(DateTimeOffset now, EventLog log)
    {
        var changed = false;
        if (Open && Alarm is null && now - _openedAt >= options.HeldOpenAfter && Mode != DoorModes.HoldOpen)
        {
            Alarm = "held_open";
            log.Append(new DoorHeldOpen(Id), now);
            changed = true;
        }

        if (Open && now >= _closeAt)
        {
            Open = false;
            Alarm = null;
            log.Append(new DoorClosed(Id), now);
            changed = true;
        }

        if (Unlocked && !Open && now >= _relockAt && Mode != DoorModes.HoldOpen)
        {
            Unlocked = false;
            changed = true;
        }

        return changed;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
