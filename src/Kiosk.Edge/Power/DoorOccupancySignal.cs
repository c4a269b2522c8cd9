using Kiosk.Edge.Events;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Power;

/// <summary>
/// Occupancy from door events until the occupancy estimate exists: a door opened from outside
/// (scan, remote or manual, not the exit button) means someone entered. Without a people count the
/// kiosk is presumed empty from the last entry on, so saving starts <c>Power:SavingAfter</c> after it.
/// </summary>
internal sealed class DoorOccupancySignal : OccupancySignal, IDisposable
{
    private readonly EventJournal _journal;
    private long _lastEntryTicks;

    public DoorOccupancySignal(EventJournal journal, TimeProvider time)
    {
        _journal = journal;
        // Nobody is known to be inside at start: the saving clock runs from now.
        _lastEntryTicks = time.GetUtcNow().UtcTicks;
        _journal.Appended += OnAppended;
    }

    public override DateTimeOffset? EmptySince => new DateTimeOffset(Interlocked.Read(ref _lastEntryTicks), TimeSpan.Zero);

    public void Dispose() => _journal.Appended -= OnAppended;

    private void OnAppended(KioskEvent e)
    {
        if (e.Body is DoorOpened { Via: Vias.Scan or Vias.Remote or Vias.Manual })
        {
            Interlocked.Exchange(ref _lastEntryTicks, e.Ts.UtcTicks);
        }
    }
}
