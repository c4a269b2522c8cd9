using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Contract.Vocabulary;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// How many people are in each cabin, fused from the beam counter (authoritative where a cabin has
/// one), door releases that the door actually opened for (<see cref="CabinPassages"/>: a pass in, the
/// exit button out; the fallback without beams) and the presence sensor (at least one while it sees
/// someone; nobody for <see cref="OccupancyOptions.EmptyAfter"/> empties the cabin; nobody seen and
/// the door not opened since means not full). The count stays within 0..MaxCount. Also raises
/// <c>occupancy.full</c>, <c>occupancy.welfare_check</c> (<see cref="Tick"/>) and keeps the day's tally.
/// </summary>
internal sealed class OccupancyEstimator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EventJournal _journal;
    private readonly StateBoard _state;
    private readonly TimeProvider _time;
    private readonly OccupancyOptions _options;
    private readonly ILogger<OccupancyEstimator> _logger;
    private readonly CabinIndex _cabins;
    private readonly DayTally _day;

    public OccupancyEstimator(IOptions<OccupancyOptions> options, EventJournal journal, StateBoard state, TimeProvider time, ILogger<OccupancyEstimator> logger)
    {
        _options = options.Value;
        _journal = journal;
        _state = state;
        _time = time;
        _logger = logger;
        // The day starts at the first roll: everything that reads or counts the day rolls it first.
        _day = new DayTally(OccupancyCabinsValidator.TryFindTimeZone(_options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc);
        _cabins = new CabinIndex(_options.Cabins, time.GetUtcNow());
        journal.Appended += OnAppended;
        Publish();
    }

    public IReadOnlyCollection<string> CabinIds => _cabins.Ids;

    public int VisitsToday => OnDay(d => d.Visits);

    public int HoldersToday => OnDay(d => d.Holders);

    /// <summary>People estimated in the cabin (a cabin id or a door id leading into it); 0 for an unknown cabin.</summary>
    public int Count(string cabinOrDoor)
    {
        lock (_gate)
        {
            return _cabins.Find(cabinOrDoor)?.Estimate ?? 0;
        }
    }

    /// <summary>The cabin's configured capacity; 0 for an unknown cabin.</summary>
    public int Capacity(string cabinOrDoor) => _cabins.Find(cabinOrDoor)?.Capacity ?? 0;

    /// <summary>
    /// Whether a pass for this cabin (or door) must be denied with <c>full</c>: at capacity, unless the
    /// presence sensor sees nobody and the door has not opened since. Unknown cabins are never full.
    /// </summary>
    public bool IsFull(string cabinOrDoor)
    {
        lock (_gate)
        {
            return _cabins.Find(cabinOrDoor) is { } c && CabinCount.IsFull(c);
        }
    }

    /// <summary>Whether the presence sensor currently detects someone; null where the cabin has none.</summary>
    public bool? Presence(string cabin)
    {
        lock (_gate)
        {
            return _cabins.Find(cabin) is { HasPresence: true } c ? c.Present : null;
        }
    }

    /// <summary>Wires a door's contact: from now on its releases count only when it opens.</summary>
    internal void SenseDoor(string door)
    {
        lock (_gate)
        {
            if (_cabins.ByDoor(door) is { } c)
            {
                c.Passages.Sensed = true;
            }
        }
    }

    /// <summary>A door's contact or lock changed (<see cref="DoorContactFeed"/>).</summary>
    internal void DoorChanged(string door, bool open, bool locked) =>
        Update(door, byDoor: true, (c, now, raised) =>
        {
            if (c.Passages.DoorChanged(open, locked, now) is var delta and not 0 && !c.HasBeams)
            {
                Enter(c, delta, raised);
            }
        });

    /// <summary>A completed beam crossing (the beam counter is authoritative for the cabin).</summary>
    internal void BeamCrossed(string cabin, BeamCrossing crossing) =>
        Update(cabin, byDoor: false, (c, _, raised) => Enter(c, crossing == BeamCrossing.In ? 1 : -1, raised));

    /// <summary>Any beam edge: somebody moves in the doorway.</summary>
    internal void BeamActivity(string cabin) => Update(cabin, byDoor: false, (_, _, _) => { });

    internal void PresenceChanged(string cabin, bool present) =>
        Update(cabin, byDoor: false, (c, now, raised) =>
        {
            c.Present = present;
            if (!present)
            {
                c.AbsentSince = now;
            }

            CabinCount.UpdateFull(c, raised);
        });

    /// <summary>
    /// One step of the monitor: empties cabins the presence sensor has found empty for long enough,
    /// raises due welfare checks, and rolls the day over at local midnight.
    /// </summary>
    public void Tick()
    {
        var raised = new List<KioskEventBody>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _day.Roll(now);
            foreach (var c in _cabins.All)
            {
                if (CabinWatch.IsEmptyDue(c, now, _options.EmptyAfter))
                {
                    OccupancyLog.Emptied(_logger, c.Id, c.Count, _options.EmptyAfter);
                    CabinCount.Set(c, 0, _options.MaxCount, raised);
                }

                if (CabinWatch.IsWelfareDue(c, now, _options.WelfareAfter, _options.WelfareRepeat, out var inactive))
                {
                    c.WelfareRaisedAt = now;
                    OccupancyLog.Welfare(_logger, c.Id, c.Estimate, inactive);
                    raised.Add(new OccupancyWelfareCheck(c.Id, c.Estimate, inactive));
                }
            }
        }

        Raise(raised);
    }

    public void Dispose() => _journal.Appended -= OnAppended;

    private void OnAppended(KioskEvent e)
    {
        if (DoorActivity.From(e.Body) is not { } activity || _cabins.ByDoor(activity.Door) is null)
        {
            return;
        }

        Update(activity.Door, byDoor: true, (c, now, raised) =>
        {
            if (activity.Entry)
            {
                if (activity.Sub is { Length: > 0 } sub)
                {
                    _day.Holder(sub);
                }

                if (!c.HasBeams)
                {
                    Enter(c, c.Passages.Granted(now), raised);
                }
            }
            else if (activity.Exit && !c.HasBeams)
            {
                Enter(c, c.Passages.ExitReleased(now), raised);
            }
        });
    }

    /// <summary>Runs <paramref name="change"/> on the cabin under the lock (day rolled, activity touched), then raises and publishes.</summary>
    private void Update(string id, bool byDoor, Action<CabinState, DateTimeOffset, List<KioskEventBody>> change)
    {
        var raised = new List<KioskEventBody>();
        lock (_gate)
        {
            if ((byDoor ? _cabins.ByDoor(id) : _cabins.Find(id)) is not { } c)
            {
                return;
            }

            var now = _time.GetUtcNow();
            _day.Roll(now);
            c.LastActivity = now;
            c.WelfareRaisedAt = null;
            change(c, now, raised);
        }

        Raise(raised);
    }

    private void Enter(CabinState c, int delta, List<KioskEventBody> raised) => CabinCount.Enter(c, delta, _options.MaxCount, _day, raised);

    private int OnDay(Func<DayTally, int> read)
    {
        lock (_gate)
        {
            _day.Roll(_time.GetUtcNow());
            return read(_day);
        }
    }

    private void Raise(List<KioskEventBody> raised)
    {
        foreach (var e in raised)
        {
            _journal.Append(e);
        }

        Publish();
    }

    private void Publish()
    {
        OccupancyState state;
        lock (_gate)
        {
            state = OccupancySection.Build(_cabins.All, _day);
        }

        _state.Set(StateSections.Occupancy, state, ContractJsonContext.Default.OccupancyState);
    }
}
