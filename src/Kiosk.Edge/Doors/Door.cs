using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Doors;

/// <summary>
/// One cabin door: lock, contact and exit button, and the state machine between them
/// (<see cref="DoorMachine"/>, table in <c>Doors/README.md</c>).
/// <list type="bullet">
/// <item>Locked → <see cref="Open"/> (pass, remote, exit button) → released for the unlock time →
/// the door opens → it closes → relocked at once; never opened → relocked when the time elapses.</item>
/// <item>Open longer than the held-open time after an authorised opening → door.held_open (alarm held_open).</item>
/// <item>Opened while locked → door.forced_open (alarm forced_open). Alarms clear when the door closes.</item>
/// <item>Modes: hold_open releases the lock continuously; out_of_service refuses passes and remote
/// openings, but the exit button always opens: people must never be locked in.</item>
/// </list>
/// This type is the thread-safe shell: every transition runs under one lock, driven by debounced
/// input edges, <see cref="TimeProvider"/> timers and the public methods, and <see cref="Changed"/>
/// is raised outside it; <see cref="Handle"/> is the single step tests call.
/// </summary>
internal sealed class Door : IDisposable
{
    private readonly Lock _gate = new();
    private readonly DoorLock _lock;
    private readonly DoorContact _contact;
    private readonly ExitButton _exit;
    private readonly DoorMachine _machine;

    internal Door(
        string id,
        DoorOptions options,
        DoorLock doorLock,
        DoorContact contact,
        ExitButton exit,
        DoorWiring wiring,
        EventJournal journal,
        TimeProvider time,
        ILogger logger)
    {
        Id = id;
        Capacity = options.Capacity;
        AllowedRoles = new HashSet<string>(options.AllowedRoles ?? DoorRoles.All, StringComparer.Ordinal);
        Wiring = wiring;
        _lock = doorLock;
        _contact = contact;
        _exit = exit;
        _machine = new DoorMachine(
            id,
            doorLock,
            journal,
            logger,
            options.HeldOpenAlarm,
            new DoorTimer(time, options.UnlockTime, DoorSignal.UnlockTimeElapsed, OnTimer),
            new DoorTimer(time, options.HeldOpenAlarm, DoorSignal.HeldOpenTimeElapsed, OnTimer),
            contact.IsOpen);
    }

    /// <summary>Raised after any change of lock, contact, mode or alarm (outside the door's lock).</summary>
    public event Action<Door>? Changed;

    /// <summary>The cabin id (the <c>door</c> claim, and the key under Doors:Cabins).</summary>
    public string Id { get; }

    /// <summary>People the cabin holds.</summary>
    public int Capacity { get; }

    /// <summary>Pass roles that may open this door.</summary>
    public IReadOnlySet<string> AllowedRoles { get; }

    public DoorMode Mode => Read(m => m.Mode);

    public bool IsLocked => _lock.IsLocked;

    /// <summary>The debounced contact says the door is open.</summary>
    public bool IsOpen => Read(m => m.ContactOpen);

    public DoorAlarm Alarm => Read(m => m.Alarm);

    internal DoorWiring Wiring { get; }

    /// <summary>
    /// Releases the lock for the unlock time and records <c>door.opened</c>. The caller has
    /// authorised the opening; as a second line of defence an out_of_service door refuses scans and
    /// remote openings (except by maintenance) and returns false, recording nothing: the caller
    /// records the denial. Exit and manual openings always succeed while the service runs; after
    /// <see cref="Stop"/> the door stays locked and this returns false.
    /// </summary>
    public bool Open(DoorOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return Change(m => m.Open(opening));
    }

    /// <summary>
    /// Relocks now, ending any unlock time. A door in hold_open goes back to normal first
    /// (recorded as <c>door.mode</c>): whoever locks it wants it locked.
    /// </summary>
    public void Lock(DoorVia via, string? sub = null) => Change(m =>
    {
        m.Lock(via, sub);
        return true;
    });

    /// <summary>Changes the mode and records <c>door.mode</c>; false (and nothing recorded) when it already is that mode.</summary>
    public bool SetMode(DoorMode mode, DoorVia via, string? sub = null) => Change(m => m.SetMode(mode, via, sub));

    /// <summary>One step of the state machine: an input edge or an elapsed timer.</summary>
    internal void Handle(DoorSignal signal)
    {
        if (signal == DoorSignal.ExitPressed)
        {
            // People must never be locked in: the exit button opens in every mode.
            Open(new DoorOpening(DoorVia.Exit));
        }
        else
        {
            Change(m => m.Step(signal));
        }
    }

    /// <summary>Safe state at start: locked, then listens to the contact and the exit button.</summary>
    internal void Start()
    {
        bool started;
        lock (_gate)
        {
            started = _machine.Start(_contact.IsOpen);
        }

        if (!started)
        {
            return;
        }

        _contact.Changed += OnContactChanged;
        _exit.Pressed += OnExitPressed;
        RaiseChanged();
    }

    /// <summary>At shutdown: stops listening and timers, and leaves the door locked.</summary>
    internal void Stop()
    {
        _contact.Changed -= OnContactChanged;
        _exit.Pressed -= OnExitPressed;
        lock (_gate)
        {
            _machine.Stop();
        }
    }

    public void Dispose()
    {
        Stop();
        _contact.Dispose();
        _exit.Dispose();
        _lock.Dispose();
    }

    /// <summary>The door's entry in the "doors" state section.</summary>
    public DoorState ToState() => Read(m => m.ToState());

    private void OnContactChanged(bool open) => Handle(open ? DoorSignal.ContactOpened : DoorSignal.ContactClosed);

    private void OnExitPressed() => Handle(DoorSignal.ExitPressed);

    private void OnTimer(DoorTimer timer, long generation) =>
        // A timer cancelled or restarted after its callback was already queued is stale.
        Change(m => timer.IsCurrent(generation) && m.Step(timer.Signal));

    private T Read<T>(Func<DoorMachine, T> read)
    {
        lock (_gate)
        {
            return read(_machine);
        }
    }

    /// <summary>Runs a transition under the lock and raises <see cref="Changed"/> after it when it changed something.</summary>
    private bool Change(Func<DoorMachine, bool> transition)
    {
        bool changed;
        lock (_gate)
        {
            changed = transition(_machine);
        }

        if (changed)
        {
            RaiseChanged();
        }

        return changed;
    }

    private void RaiseChanged() => Changed?.Invoke(this);
}
