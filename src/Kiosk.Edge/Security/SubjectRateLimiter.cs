namespace Kiosk.Edge.Security;

/// <summary>
/// At most N passes per subject in any sliding window. Time is the monotonic timestamp of the injected
/// <see cref="TimeProvider"/>, so a wall-clock jump (a board without RTC syncing its clock) neither
/// locks anyone out nor lifts a limit. Memory is bounded: past the subject limit, subjects idle for a
/// whole window are forgotten first, then the least recently seen.
/// </summary>
internal sealed class SubjectRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _subjects = new(StringComparer.Ordinal);
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly int _maxSubjects;
    private readonly TimeProvider _time;

    public SubjectRateLimiter(int permits, TimeSpan window, int maxSubjects, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSubjects, 1);
        _permits = permits;
        _window = window;
        _maxSubjects = maxSubjects;
        _time = time;
    }

    public int TrackedSubjects
    {
        get
        {
            lock (_gate)
            {
                return _subjects.Count;
            }
        }
    }

    /// <summary>Takes one permit for <paramref name="subject"/>; false when it used all of them within the window.</summary>
    public bool TryAcquire(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_subjects.TryGetValue(subject, out var window))
            {
                if (_subjects.Count >= _maxSubjects)
                {
                    Evict(now);
                }

                window = new Window(_permits);
                _subjects[subject] = window;
            }

            window.LastSeen = now;
            while (window.Count > 0 && _time.GetElapsedTime(window.Oldest, now) >= _window)
            {
                window.RemoveOldest();
            }

            if (window.Count >= _permits)
            {
                return false;
            }

            window.Add(now);
            return true;
        }
    }

    private void Evict(long now)
    {
        List<string>? idle = null;
        string? leastRecent = null;
        var leastRecentSeen = long.MaxValue;
        foreach (var (subject, window) in _subjects)
        {
            if (_time.GetElapsedTime(window.LastSeen, now) >= _window)
            {
                (idle ??= []).Add(subject);
            }
            else if (window.LastSeen < leastRecentSeen)
            {
                leastRecentSeen = window.LastSeen;
                leastRecent = subject;
            }
        }

        if (idle is not null)
        {
            foreach (var subject in idle)
            {
                _subjects.Remove(subject);
            }
        }
        else if (leastRecent is not null)
        {
            _subjects.Remove(leastRecent);
        }
    }

    /// <summary>The timestamps of one subject's recent permits, as a ring.</summary>
    private sealed class Window(int capacity)
    {
        private readonly long[] _times = new long[capacity];
        private int _head;

        public int Count { get; private set; }

        public long LastSeen { get; set; }

        public long Oldest => _times[_head];

        public void Add(long timestamp)
        {
            _times[(_head + Count) % _times.Length] = timestamp;
            Count++;
        }

        public void RemoveOldest()
        {
            _head = (_head + 1) % _times.Length;
            Count--;
        }
    }
}
