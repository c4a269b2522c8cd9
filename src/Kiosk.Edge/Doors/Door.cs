using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Doors;

/// <summary>
/// One cabin door: lock, contact and exit button, and the state machine between them.
/// <list type="bullet">
/// <item>Locked → <see cref="Open"/> (pass, remote, exit button) → released for the unlock time →
/// the door opens → it closes → relocked at once; never opened → relocked when the time elapses.</item>
/// <item>Open longer than the held-open time after an authorised opening → door.held_open (alarm held_open).</item>
/// <item>Opened while locked → door.forced_open (alarm forced_open). Alarms clear when the door closes.</item>
/// <item>Modes: hold_open releases the lock continuously; out_of_service refuses passes and remote
/// openings, but the exit button always opens: people must never be locked in.</item>
/// </list>
/// Every transition runs under one lock, driven by debounced input edges, TimeProvider timers and
/// the public methods; <see cref="Handle"/> is the single step tests call.
/// </summary>
internal sealed partial class Door : IDisposable
{
    private readonly Lock _gate = new();
    private readonly DoorLock _lock;
    private readonly DoorContact _contact;
    private readonly ExitButton _exit;
    private readonly EventJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _unlockTime;
    private readonly TimeSpan _heldOpenTime;
    private DoorMode _mode = DoorMode.Normal;
    private DoorAlarm _alarm;
    private bool _released;
    private bool _contactOpen;
    private bool _started;
    private bool _stopped;
    private ITimer? _relockTimer;
    private ITimer? _heldOpenTimer;
    private long _relockGeneration;
    private long _heldOpenGeneration;

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
        _unlockTime = options.UnlockTime;
        _heldOpenTime = options.HeldOpenAlarm;
        _lock = doorLock;
        _contact = contact;
        _exit = exit;
        _journal = journal;
        _time = time;
        _logger = logger;
        _contactOpen = contact.IsOpen;
    }

    /// <summary>Raised after any change of lock, contact, mode or alarm (outside the door's lock).</summary>
    public event Action<Door>? Changed;

    /// <summary>The cabin id (the <c>door</c> claim, and the key under Doors:Cabins).</summary>
    public string Id { get; }

    /// <summary>People the cabin holds.</summary>
    public int Capacity { get; }

    /// <summary>Pass roles that may open this door.</summary>
    public IReadOnlySet<string> AllowedRoles { get; }

    public DoorMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    public bool IsLocked => _lock.IsLocked;

    /// <summary>The debounced contact says the door is open.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _contactOpen;
            }
        }
    }

    public DoorAlarm Alarm
    {
        get
        {
            lock (_gate)
            {
                return _alarm;
            }
        }
    }

    internal DoorWiring Wiring { get; }

    /// <summary>
    /// Releases the lock for the unlock time and records <c>door.opened</c>. The caller has
    /// authorised the opening; as a second line of defence an out_of_service door refuses scans and
    /// remote openings (except by maintenance) and returns false, recording nothing: the caller
    /// records the denial. Exit and manual openings always succeed while the service runs.
    /// </summary>
    public bool Open(DoorOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        lock (_gate)
        {
            if (_stopped)
            {
                // Shutting down: the door stays locked.
                return false;
            }

            if (_mode == DoorMode.OutOfService
                && opening.Via is DoorVia.Scan or DoorVia.Remote
                && opening.Role != DoorRoles.Maintenance)
            {
                return false;
            }

            _released = true;
            if (!_contactOpen)
            {
                StartRelockTimer();
            }

            ApplyLock();
            _journal.Append(new DoorOpened(Id, opening.Via.ToWire(), opening.Sub, opening.Role));
            LogOpened(Id, opening.Via.ToWire(), opening.Sub ?? "-");
        }

        RaiseChanged();
        return true;
    }

    /// <summary>
    /// Relocks now, ending any unlock time. A door in hold_open goes back to normal first
    /// (recorded as <c>door.mode</c>): whoever locks it wants it locked.
    /// </summary>
    public void Lock(DoorVia via, string? sub = null)
    {
        lock (_gate)
        {
            if (_mode == DoorMode.HoldOpen)
            {
                ChangeMode(DoorMode.Normal, via, sub);
            }

            _released = false;
            CancelRelockTimer();
            ApplyLock();
            LogLocked(Id, via.ToWire());
        }

        RaiseChanged();
    }

    /// <summary>Changes the mode and records <c>door.mode</c>; false (and nothing recorded) when it already is that mode.</summary>
    public bool SetMode(DoorMode mode, DoorVia via, string? sub = null)
    {
        lock (_gate)
        {
            if (_mode == mode)
            {
                return false;
            }

            ChangeMode(mode, via, sub);
        }

        RaiseChanged();
        return true;
    }

    /// <summary>One step of the state machine: an input edge or an elapsed timer.</summary>
    internal void Handle(DoorSignal signal)
    {
        if (signal == DoorSignal.ExitPressed)
        {
            // People must never be locked in: the exit button opens in every mode.
            Open(new DoorOpening(DoorVia.Exit));
            return;
        }

        bool changed;
        lock (_gate)
        {
            changed = Step(signal);
        }

        if (changed)
        {
            RaiseChanged();
        }
    }

    /// <summary>Safe state at start: locked, then listens to the contact and the exit button.</summary>
    internal void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _released = false;
            _contactOpen = _contact.IsOpen;
            ApplyLock();
            if (_contactOpen)
            {
                StartHeldOpenTimer();
            }
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
            _stopped = true;
            CancelRelockTimer();
            CancelHeldOpenTimer();
            _released = false;
            _lock.Lock();
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
    public DoorState ToState()
    {
        lock (_gate)
        {
            return new DoorState(
                _lock.IsLocked ? "locked" : "unlocked",
                _contactOpen ? "open" : "closed",
                _mode.ToWire(),
                _alarm switch
                {
                    DoorAlarm.HeldOpen => "held_open",
                    DoorAlarm.ForcedOpen => "forced_open",
                    _ => null,
                });
        }
    }

    private void OnContactChanged(bool open) => Handle(open ? DoorSignal.ContactOpened : DoorSignal.ContactClosed);

    private void OnExitPressed() => Handle(DoorSignal.ExitPressed);

    private void OnContactOpened()
    {
        _contactOpen = true;
        if (_released || _mode == DoorMode.HoldOpen)
        {
            // Authorised: the lock stays released until the door closes again.
            CancelRelockTimer();
            StartHeldOpenTimer();
            return;
        }

        _alarm = DoorAlarm.ForcedOpen;
        _journal.Append(new DoorForcedOpen(Id));
        LogForcedOpen(Id);
    }

    private void OnContactClosed()
    {
        _contactOpen = false;
        _alarm = DoorAlarm.None;
        CancelHeldOpenTimer();
        if (_mode != DoorMode.HoldOpen)
        {
            _released = false;
            CancelRelockTimer();
        }

        ApplyLock();
        _journal.Append(new DoorClosed(Id));
    }

    private void ChangeMode(DoorMode mode, DoorVia via, string? sub)
    {
        _mode = mode;
        if (mode == DoorMode.HoldOpen)
        {
            // Held open on purpose: not an alarm.
            CancelHeldOpenTimer();
            if (_alarm == DoorAlarm.HeldOpen)
            {
                _alarm = DoorAlarm.None;
            }
        }
        else
        {
            // Leaving hold_open or entering out_of_service ends any release; an open door relocks when it closes.
            _released = _contactOpen;
            CancelRelockTimer();
            if (_contactOpen && _heldOpenTimer is null)
            {
                StartHeldOpenTimer();
            }
        }

        ApplyLock();
        _journal.Append(new DoorModeChanged(Id, mode.ToWire(), via.ToWire(), sub));
        LogMode(Id, mode.ToWire(), via.ToWire());
    }

    private void ApplyLock()
    {
        if (_mode == DoorMode.HoldOpen || _released)
        {
            _lock.Unlock();
        }
        else
        {
            _lock.Lock();
        }
    }

    private void StartRelockTimer()
    {
        CancelRelockTimer();
        var generation = ++_relockGeneration;
        _relockTimer = _time.CreateTimer(_ => OnTimer(generation, ref _relockGeneration, DoorSignal.UnlockTimeElapsed), null, _unlockTime, Timeout.InfiniteTimeSpan);
    }

    private void CancelRelockTimer()
    {
        _relockGeneration++;
        _relockTimer?.Dispose();
        _relockTimer = null;
    }

    private void StartHeldOpenTimer()
    {
        CancelHeldOpenTimer();
        var generation = ++_heldOpenGeneration;
        _heldOpenTimer = _time.CreateTimer(_ => OnTimer(generation, ref _heldOpenGeneration, DoorSignal.HeldOpenTimeElapsed), null, _heldOpenTime, Timeout.InfiniteTimeSpan);
    }

    private void CancelHeldOpenTimer()
    {
        _heldOpenGeneration++;
        _heldOpenTimer?.Dispose();
        _heldOpenTimer = null;
    }

    private void OnTimer(long generation, ref long current, DoorSignal signal)
    {
        bool changed;
        lock (_gate)
        {
            // A timer cancelled or restarted after its callback was already queued is stale.
            changed = generation == current && Step(signal);
        }

        if (changed)
        {
            RaiseChanged();
        }
    }

    /// <summary>Applies an input or timer signal under the gate; true when something changed.</summary>
    private bool Step(DoorSignal signal)
    {
        if (_stopped || !_started)
        {
            return false;
        }

        switch (signal)
        {
            case DoorSignal.ContactOpened when !_contactOpen:
                OnContactOpened();
                return true;
            case DoorSignal.ContactClosed when _contactOpen:
                OnContactClosed();
                return true;
            case DoorSignal.UnlockTimeElapsed when _released && !_contactOpen:
                _released = false;
                ApplyLock();
                return true;
            case DoorSignal.HeldOpenTimeElapsed when _contactOpen && _alarm == DoorAlarm.None && _mode != DoorMode.HoldOpen:
                _alarm = DoorAlarm.HeldOpen;
                _journal.Append(new DoorHeldOpen(Id));
                LogHeldOpen(Id, _heldOpenTime);
                return true;
            default:
                return false;
        }
    }

    private void RaiseChanged() => Changed?.Invoke(this);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} opened via {Via} (sub {Sub})")]
    private partial void LogOpened(string door, string via, string sub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} locked via {Via}")]
    private partial void LogLocked(string door, string via);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door {Door} mode {Mode} via {Via}")]
    private partial void LogMode(string door, string mode, string via);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door {Door} held open longer than {Limit}")]
    private partial void LogHeldOpen(string door, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door {Door} forced open: it opened while locked")]
    private partial void LogForcedOpen(string door);
}
