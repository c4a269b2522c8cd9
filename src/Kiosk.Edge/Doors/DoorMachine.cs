using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Doors;

/// <summary>
/// The transitions of one door's state machine (table in <c>Doors/README.md</c>): it keeps mode,
/// alarm, release and contact state, drives the lock output, runs the unlock and held-open timers
/// and records the door events. The decisions themselves are <see cref="DoorRules"/>.
/// Not thread-safe: <see cref="Door"/> calls every member under its lock; every method that changes
/// something returns true so the door can raise <see cref="Door.Changed"/> outside that lock.
/// </summary>
internal sealed class DoorMachine
{
    private readonly string _id;
    private readonly DoorLock _lock;
    private readonly EventJournal _journal;
    private readonly ILogger _logger;
    private readonly TimeSpan _heldOpenTime;
    private readonly DoorTimer _relock;
    private readonly DoorTimer _heldOpen;
    private bool _released;
    private bool _started;
    private bool _stopped;

    /// <param name="relock">Elapses <see cref="DoorSignal.UnlockTimeElapsed"/> after the unlock time.</param>
    /// <param name="heldOpen">Elapses <see cref="DoorSignal.HeldOpenTimeElapsed"/> after <paramref name="heldOpenTime"/>.</param>
    public DoorMachine(string id, DoorLock doorLock, EventJournal journal, ILogger logger, TimeSpan heldOpenTime, DoorTimer relock, DoorTimer heldOpen, bool contactOpen)
    {
        _id = id;
        _lock = doorLock;
        _journal = journal;
        _logger = logger;
        _heldOpenTime = heldOpenTime;
        _relock = relock;
        _heldOpen = heldOpen;
        ContactOpen = contactOpen;
    }

    public DoorMode Mode { get; private set; } = DoorMode.Normal;

    public DoorAlarm Alarm { get; private set; }

    /// <summary>The debounced contact says the door is open.</summary>
    public bool ContactOpen { get; private set; }

    /// <summary>Safe state at start: locked, with the held-open timer running when the door is already open. False when already started.</summary>
    public bool Start(bool contactOpen)
    {
        if (_started)
        {
            return false;
        }

        _started = true;
        _released = false;
        ContactOpen = contactOpen;
        ApplyLock();
        if (contactOpen)
        {
            _heldOpen.Start();
        }

        return true;
    }

    /// <summary>At shutdown: no more timers, locked, and every later opening refused.</summary>
    public void Stop()
    {
        _stopped = true;
        _relock.Cancel();
        _heldOpen.Cancel();
        _released = false;
        _lock.Lock();
    }

    /// <summary>Releases the lock for the unlock time and records <c>door.opened</c>; false (nothing recorded) when stopped or the mode refuses it.</summary>
    public bool Open(DoorOpening opening)
    {
        if (_stopped || !DoorRules.Admits(Mode, opening))
        {
            return false;
        }

        _released = true;
        if (!ContactOpen)
        {
            _relock.Start();
        }

        ApplyLock();
        _journal.Append(new DoorOpened(_id, opening.Via.ToWire(), opening.Sub, opening.Role));
        DoorLog.Opened(_logger, _id, opening.Via.ToWire(), opening.Sub ?? "-");
        return true;
    }

    /// <summary>Relocks now, ending any unlock time; hold_open goes back to normal first.</summary>
    public void Lock(DoorVia via, string? sub)
    {
        if (Mode == DoorMode.HoldOpen)
        {
            ChangeMode(DoorMode.Normal, via, sub);
        }

        _released = false;
        _relock.Cancel();
        ApplyLock();
        DoorLog.Locked(_logger, _id, via.ToWire());
    }

    /// <summary>
    /// Changes the mode and records <c>door.mode</c>; false (nothing changed) when it already is that mode, or
    /// after <see cref="Stop"/>: a <c>mode hold_open</c> arriving during shutdown must not release the lock.
    /// </summary>
    public bool SetMode(DoorMode mode, DoorVia via, string? sub)
    {
        if (_stopped || Mode == mode)
        {
            return false;
        }

        ChangeMode(mode, via, sub);
        return true;
    }

    /// <summary>Applies an input edge or an elapsed timer; true when something changed.</summary>
    public bool Step(DoorSignal signal)
    {
        if (_stopped || !_started)
        {
            return false;
        }

        switch (signal)
        {
            case DoorSignal.ContactOpened when !ContactOpen:
                OnContactOpened();
                return true;
            case DoorSignal.ContactClosed when ContactOpen:
                OnContactClosed();
                return true;
            case DoorSignal.UnlockTimeElapsed when _released && !ContactOpen:
                _released = false;
                ApplyLock();
                return true;
            case DoorSignal.HeldOpenTimeElapsed when DoorRules.IsHeldOpen(Mode, ContactOpen, Alarm):
                Alarm = DoorAlarm.HeldOpen;
                _journal.Append(new DoorHeldOpen(_id));
                DoorLog.HeldOpen(_logger, _id, _heldOpenTime);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The door's entry in the "doors" state section.</summary>
    public DoorState ToState() => new(
        _lock.IsLocked ? "locked" : "unlocked",
        ContactOpen ? "open" : "closed",
        Mode.ToWire(),
        Alarm.ToWire());

    private void OnContactOpened()
    {
        ContactOpen = true;
        if (!DoorRules.IsForcedOpen(Mode, _released))
        {
            // Authorised: the lock stays released until the door closes again.
            _relock.Cancel();
            _heldOpen.Start();
            return;
        }

        Alarm = DoorAlarm.ForcedOpen;
        _journal.Append(new DoorForcedOpen(_id));
        DoorLog.ForcedOpen(_logger, _id);
    }

    private void OnContactClosed()
    {
        ContactOpen = false;
        Alarm = DoorAlarm.None;
        _heldOpen.Cancel();
        if (Mode != DoorMode.HoldOpen)
        {
            _released = false;
            _relock.Cancel();
        }

        ApplyLock();
        _journal.Append(new DoorClosed(_id));
    }

    private void ChangeMode(DoorMode mode, DoorVia via, string? sub)
    {
        Mode = mode;
        _released = DoorRules.ReleasedAfterModeChange(mode, _released, ContactOpen);
        Alarm = DoorRules.AlarmAfterModeChange(mode, Alarm);
        if (mode == DoorMode.HoldOpen)
        {
            // Held open on purpose: no held-open alarm.
            _heldOpen.Cancel();
        }
        else
        {
            // Leaving hold_open or entering out_of_service ends any unlock time; an open door relocks when it closes.
            _relock.Cancel();
            if (ContactOpen && !_heldOpen.IsArmed)
            {
                _heldOpen.Start();
            }
        }

        ApplyLock();
        _journal.Append(new DoorModeChanged(_id, mode.ToWire(), via.ToWire(), sub));
        DoorLog.Mode(_logger, _id, mode.ToWire(), via.ToWire());
    }

    private void ApplyLock()
    {
        if (DoorRules.IsReleased(Mode, _released))
        {
            _lock.Unlock();
        }
        else
        {
            _lock.Lock();
        }
    }
}
