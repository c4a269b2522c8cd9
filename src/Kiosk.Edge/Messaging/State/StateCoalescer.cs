namespace Kiosk.Edge.Messaging.State;

/// <summary>Turns a burst of state changes into at most one publish per <c>minInterval</c>, the last state winning.</summary>
internal sealed class StateCoalescer(TimeSpan minInterval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _dirty = true;
    private long? _lastPublished;

    public void MarkDirty()
    {
        lock (_gate)
        {
            _dirty = true;
        }
    }

    /// <summary>Null when nothing changed since the last publish; else how long to wait before publishing.</summary>
    public TimeSpan? DelayUntilDue()
    {
        lock (_gate)
        {
            if (!_dirty)
            {
                return null;
            }

            if (_lastPublished is not { } last)
            {
                return TimeSpan.Zero;
            }

            var remaining = minInterval - time.GetElapsedTime(last);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Call just before taking the snapshot: changes after this point make it dirty again.</summary>
    public void BeginPublish()
    {
        lock (_gate)
        {
            _dirty = false;
            _lastPublished = time.GetTimestamp();
        }
    }
}
