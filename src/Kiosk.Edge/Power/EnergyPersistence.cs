using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Keeps energy counters, operators' on/off and lockouts across restarts in the <see cref="EnergyStore"/>:
/// every <c>PersistEvery</c>, and at once after a lockout or a cleared operator decision. A disk error
/// is logged and retried next period; protection never waits for it.
/// </summary>
internal sealed partial class EnergyPersistence(EnergyStore store, TimeSpan persistEvery, DateTimeOffset start, ILogger logger)
{
    private DateTimeOffset _lastSave = start;
    private bool _due;

    /// <summary>Puts the saved values back on the circuits (unknown ids in the store are ignored).</summary>
    public void Restore(IEnumerable<Circuit> circuits)
    {
        var saved = store.Load();
        foreach (var c in circuits)
        {
            if (saved.TryGetValue(c.Id, out var record))
            {
                c.WattHours = record.WattHours;
                c.Manual = record.Manual;
                c.LockedOut = record.LockedOut;
            }
        }
    }

    /// <summary>Asks for a save at the next <see cref="SaveIfDue"/>, whatever the period.</summary>
    public void MarkDue() => _due = true;

    public void SaveIfDue(IEnumerable<Circuit> circuits, DateTimeOffset now)
    {
        if (_due || now - _lastSave >= persistEvery)
        {
            Save(circuits, now);
        }
    }

    public void Save(IEnumerable<Circuit> circuits, DateTimeOffset now)
    {
        _lastSave = now;
        _due = false;
        try
        {
            store.Save(circuits.Select(c => new CircuitRecord(c.Id, c.WattHours, c.Manual, c.LockedOut)));
        }
        catch (SqliteException e)
        {
            // Protection goes on without the disk; the energy counters are retried next period.
            LogPersistFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not persist energy counters: {Reason}")]
    private partial void LogPersistFailed(string reason);
}
