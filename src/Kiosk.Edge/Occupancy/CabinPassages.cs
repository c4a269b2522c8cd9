namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Releases of a cabin door waiting for the door to actually open: a granted pass (scan, remote,
/// manual) is an entry, an exit-button press a way out, only once the contact opens. A release that
/// ends with the door relocked and never opened counts nothing (a worker who scanned and walked
/// away, a button pressed by mistake). A door without a contact sensor cannot tell, so there a
/// release counts at once. Not thread-safe: the estimator's lock guards it.
/// </summary>
internal sealed class CabinPassages
{
    private int _entries;
    private int _exits;
    private bool _open;

    /// <summary>Whether the door reports its contact (set when the door feed wires it).</summary>
    public bool Sensed { get; set; }

    /// <summary>When the door last opened (contact), if it did since start.</summary>
    public DateTimeOffset? LastOpened { get; private set; }

    /// <summary>A release for someone coming in; returns the count change now (1 without a contact sensor, else 0).</summary>
    public int Granted(DateTimeOffset now)
    {
        if (!Sensed)
        {
            // Without a contact the door is taken to open for every release.
            LastOpened = now;
            return 1;
        }

        _entries++;
        return 0;
    }

    /// <summary>A release by the exit button; returns the count change now (-1 without a contact sensor, else 0).</summary>
    public int ExitReleased(DateTimeOffset now)
    {
        if (!Sensed)
        {
            LastOpened = now;
            return -1;
        }

        _exits++;
        return 0;
    }

    /// <summary>The door's contact or lock changed; returns the count change the door's opening settles.</summary>
    public int DoorChanged(bool open, bool locked, DateTimeOffset now)
    {
        var delta = 0;
        if (open && !_open)
        {
            LastOpened = now;
            delta = _entries - _exits;
            _entries = 0;
            _exits = 0;
        }
        else if (!open && locked)
        {
            // Relocked closed: whatever was released and not used is void.
            _entries = 0;
            _exits = 0;
        }

        _open = open;
        return delta;
    }
}
