using System.Security.Cryptography;
using System.Text;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// How many people are in each cabin, fused from the beam counter (authoritative where a cabin has
/// one), granted door openings and the exit button (the fallback without beams) and the presence
/// sensor (someone detected in an empty cabin counts as one; nobody detected for
/// <see cref="OccupancyOptions.EmptyAfter"/> empties it). The count stays within 0..MaxCount.
/// Also raises <c>occupancy.full</c> when a cabin reaches capacity, <c>occupancy.welfare_check</c>
/// when an occupied cabin stays inactive, and keeps the visits of the local day.
/// </summary>
internal sealed partial class OccupancyEstimator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EventJournal _journal;
    private readonly StateBoard _state;
    private readonly TimeProvider _time;
    private readonly OccupancyOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<OccupancyEstimator> _logger;
    private readonly Dictionary<string, CabinState> _cabins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CabinState> _byDoor = new(StringComparer.Ordinal);
    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);
    private DateOnly _day;
    private byte[] _dayKey = [];
    private int _visits;

    public OccupancyEstimator(
        IOptions<OccupancyOptions> options,
        EventJournal journal,
        StateBoard state,
        TimeProvider time,
        ILogger<OccupancyEstimator> logger)
    {
        _options = options.Value;
        _journal = journal;
        _state = state;
        _time = time;
        _logger = logger;
        _zone = OccupancyCabinsValidator.TryFindTimeZone(_options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        foreach (var (id, cabin) in _options.Cabins)
        {
            var s = new CabinState(id, cabin) { AbsentSince = now };
            _cabins[id] = s;
            foreach (var door in s.Doors)
            {
                _byDoor[door] = s;
            }
        }

        lock (_gate)
        {
            RollDay(now);
        }

        journal.Appended += OnAppended;
        Publish();
    }

    public IReadOnlyCollection<string> CabinIds => _cabins.Keys;

    public int VisitsToday
    {
        get
        {
            lock (_gate)
            {
                RollDay(_time.GetUtcNow());
                return _visits;
            }
        }
    }

    public int HoldersToday
    {
        get
        {
            lock (_gate)
            {
                RollDay(_time.GetUtcNow());
                return _holders.Count;
            }
        }
    }

    /// <summary>People estimated in the cabin (a cabin id or a door id leading into it); 0 for an unknown cabin.</summary>
    public int Count(string cabinOrDoor)
    {
        lock (_gate)
        {
            return Find(cabinOrDoor)?.Count ?? 0;
        }
    }

    /// <summary>The cabin's configured capacity; 0 for an unknown cabin.</summary>
    public int Capacity(string cabinOrDoor) => Find(cabinOrDoor)?.Capacity ?? 0;

    /// <summary>
    /// Whether a pass for this cabin (or door) must be denied with <c>full</c>. Unknown cabins are
    /// never full: occupancy does not know them, and the exit side is never blocked by this.
    /// </summary>
    public bool IsFull(string cabinOrDoor)
    {
        lock (_gate)
        {
            return Find(cabinOrDoor) is { } c && c.Count >= c.Capacity;
        }
    }

    /// <summary>Whether the presence sensor currently detects someone; null where the cabin has none.</summary>
    public bool? Presence(string cabin)
    {
        lock (_gate)
        {
            return Find(cabin) is { HasPresence: true } c ? c.Present : null;
        }
    }

    /// <summary>A completed beam crossing (the beam counter is authoritative for the cabin).</summary>
    internal void BeamCrossed(string cabin, BeamCrossing crossing)
    {
        var raised = new List<KioskEventBody>();
        lock (_gate)
        {
            if (Find(cabin) is not { } c)
            {
                return;
            }

            var now = _time.GetUtcNow();
            RollDay(now);
            Touch(c, now);
            if (crossing == BeamCrossing.In)
            {
                _visits++;
                SetCount(c, c.Count + 1, raised);
            }
            else
            {
                SetCount(c, c.Count - 1, raised);
            }
        }

        Raise(raised);
    }

    /// <summary>Any beam edge: somebody moves in the doorway.</summary>
    internal void BeamActivity(string cabin)
    {
        lock (_gate)
        {
            if (Find(cabin) is { } c)
            {
                Touch(c, _time.GetUtcNow());
            }
        }

        Publish();
    }

    internal void PresenceChanged(string cabin, bool present)
    {
        var raised = new List<KioskEventBody>();
        lock (_gate)
        {
            if (Find(cabin) is not { } c)
            {
                return;
            }

            var now = _time.GetUtcNow();
            Touch(c, now);
            c.Present = present;
            if (!present)
            {
                c.AbsentSince = now;
            }
            else if (c.Count == 0)
            {
                // Someone is inside whom nothing counted (tailgating, a door held open, a beam fault).
                SetCount(c, 1, raised);
            }
        }

        Raise(raised);
    }

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
            RollDay(now);
            foreach (var c in _cabins.Values)
            {
                if (c.HasPresence && !c.Present && c.Count > 0 && now - c.AbsentSince >= _options.EmptyAfter)
                {
                    LogEmptied(c.Id, c.Count, _options.EmptyAfter);
                    SetCount(c, 0, raised);
                }

                if (c.Count > 0 && c.LastActivity is { } last && now - last >= _options.WelfareAfter
                    && (c.WelfareRaisedAt is not { } at || now - at >= _options.WelfareRepeat))
                {
                    c.WelfareRaisedAt = now;
                    var inactive = (long)(now - last).TotalSeconds;
                    LogWelfare(c.Id, c.Count, inactive);
                    raised.Add(new OccupancyWelfareCheck(c.Id, c.Count, inactive));
                }
            }
        }

        Raise(raised);
    }

    public void Dispose() => _journal.Appended -= OnAppended;

    private void OnAppended(KioskEvent e)
    {
        var door = e.Body switch
        {
            DoorOpened o => o.Door,
            DoorClosed closed => closed.Door,
            _ => null,
        };
        if (door is null || !_byDoor.TryGetValue(door, out var c))
        {
            return;
        }

        var raised = new List<KioskEventBody>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            RollDay(now);
            Touch(c, now);
            if (e.Body is DoorOpened opened)
            {
                var via = opened.Via;
                if (via is Vias.Scan or Vias.Remote or Vias.Manual)
                {
                    if (opened.Sub is { Length: > 0 } sub)
                    {
                        _holders.Add(Pseudonym(sub));
                    }

                    if (!c.HasBeams)
                    {
                        _visits++;
                        SetCount(c, c.Count + 1, raised);
                    }
                }
                else if (via == Vias.Exit && !c.HasBeams)
                {
                    SetCount(c, c.Count - 1, raised);
                }
            }
        }

        Raise(raised);
    }

    private CabinState? Find(string cabinOrDoor) =>
        _cabins.TryGetValue(cabinOrDoor, out var c) ? c : _byDoor.GetValueOrDefault(cabinOrDoor);

    private static void Touch(CabinState c, DateTimeOffset now)
    {
        c.LastActivity = now;
        c.WelfareRaisedAt = null;
    }

    private void SetCount(CabinState c, int count, List<KioskEventBody> raised)
    {
        count = Math.Clamp(count, 0, _options.MaxCount);
        c.Count = count;
        if (count < c.Capacity)
        {
            c.FullRaised = false;
        }
        else if (!c.FullRaised)
        {
            c.FullRaised = true;
            raised.Add(new OccupancyFull(c.Id, count, c.Capacity));
        }
    }

    /// <summary>
    /// Holders are counted as keyed hashes under a random key that lives only for the local day, so
    /// neither the set nor a leaked hash can be tied back to a sub once the day is over.
    /// </summary>
    private string Pseudonym(string sub) => Convert.ToHexString(HMACSHA256.HashData(_dayKey, Encoding.UTF8.GetBytes(sub)));

    private void RollDay(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
        if (day == _day)
        {
            return;
        }

        _day = day;
        _visits = 0;
        _holders.Clear();
        CryptographicOperations.ZeroMemory(_dayKey);
        _dayKey = RandomNumberGenerator.GetBytes(32);
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
            var cabins = new Dictionary<string, CabinOccupancy>(StringComparer.Ordinal);
            foreach (var c in _cabins.Values)
            {
                cabins[c.Id] = new CabinOccupancy(c.Count, c.Capacity, c.Count >= c.Capacity, c.HasPresence ? c.Present : null, c.LastActivity);
            }

            state = new OccupancyState(cabins, _visits, _holders.Count);
        }

        _state.Set(StateSections.Occupancy, state, ContractJsonContext.Default.OccupancyState);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cabin {Cabin}: no presence for {EmptyAfter}, count {Count} reset to 0")]
    private partial void LogEmptied(string cabin, int count, TimeSpan emptyAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cabin {Cabin}: welfare check, {Count} inside, no activity for {Seconds} s")]
    private partial void LogWelfare(string cabin, int count, long seconds);
}
