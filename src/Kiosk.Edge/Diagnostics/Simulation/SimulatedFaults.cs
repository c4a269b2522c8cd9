namespace Kiosk.Edge.Diagnostics.Simulation;

/// <summary>
/// The faults injected into the simulated kiosk (by <c>kioskctl sim fault</c>), by name such as
/// <c>contact_stuck:rest</c> or <c>meter_silent:outlet</c>. Simulated components consult it; the
/// real board never registers one.
/// </summary>
internal sealed class SimulatedFaults
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _active = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _active];
            }
        }
    }

    public bool IsActive(string name)
    {
        lock (_gate)
        {
            return _active.Contains(name);
        }
    }

    public void Set(string name, bool on)
    {
        lock (_gate)
        {
            if (on)
            {
                _active.Add(name);
            }
            else
            {
                _active.Remove(name);
            }
        }
    }
}
