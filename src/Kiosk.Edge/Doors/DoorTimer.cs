namespace Kiosk.Edge.Doors;

/// <summary>
/// One of a door's one-shot timers (the unlock time, the held-open alarm time) on the injected
/// <see cref="TimeProvider"/>. Each start gets a new generation: a callback already queued when the
/// timer was cancelled or restarted carries an old generation and is ignored (<see cref="IsCurrent"/>).
/// Not thread-safe: the <see cref="Door"/> calls it under its lock, and checks
/// <see cref="IsCurrent"/> under that lock too.
/// </summary>
internal sealed class DoorTimer(TimeProvider time, TimeSpan dueTime, DoorSignal signal, Action<DoorTimer, long> elapsed)
{
    private ITimer? _timer;
    private long _generation;

    /// <summary>The signal the door steps with when this timer elapses.</summary>
    public DoorSignal Signal => signal;

    /// <summary>Started and not cancelled since (it stays armed after it elapsed, until cancelled).</summary>
    public bool IsArmed => _timer is not null;

    /// <summary>(Re)starts the timer for its whole due time.</summary>
    public void Start()
    {
        Cancel();
        var generation = ++_generation;
        _timer = time.CreateTimer(_ => elapsed(this, generation), null, dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer; a callback already on its way becomes stale.</summary>
    public void Cancel()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>True when a callback of that generation is for the latest start, not cancelled since.</summary>
    public bool IsCurrent(long generation) => generation == _generation;
}
