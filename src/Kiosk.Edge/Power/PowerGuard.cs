using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Electrical protection and metering of the kiosk's appliance circuits. Every sample it reads each
/// meter, checks the reading is plausible, trips circuits that stay over their limit on the inverse
/// time curve, sheds low-priority circuits before the supply breaker would trip, restores after
/// cooldowns, follows occupancy for saving and counts energy. One loop; <see cref="Step"/> is one sample.
/// </summary>
internal sealed partial class PowerGuard : BackgroundService
{
    /// <summary>Accumulated trip progress counts as complete this close to 1 (floating-point sums of dt/t).</summary>
    private const double TripEpsilon = 1e-9;

    /// <summary>Measurements alone refresh the state section at most this often; telemetry carries them.</summary>
    private static readonly TimeSpan StateRefresh = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly PowerOptions _options;
    private readonly List<Circuit> _circuits;
    private readonly Dictionary<string, Circuit> _byId;
    private readonly TripCurve _curve;
    private readonly EventJournal _journal;
    private readonly StateBoard _state;
    private readonly OccupancySignal _occupancy;
    private readonly EnergyStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<PowerGuard> _logger;
    private DateTimeOffset? _lastStep;
    private DateTimeOffset? _overKioskSince;
    private DateTimeOffset _lastShedAction = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPersist;
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private string? _publishedShape;
    private bool _refreshNext;
    private bool _saving;
    private bool _persistNow;

    public PowerGuard(
        PowerOptions options,
        IEnumerable<Circuit> circuits,
        EventJournal journal,
        StateBoard state,
        OccupancySignal occupancy,
        EnergyStore store,
        TimeProvider time,
        ILogger<PowerGuard> logger)
    {
        _options = options;
        _circuits = [.. circuits];
        _byId = _circuits.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _curve = new TripCurve(options.TripCurve);
        _journal = journal;
        _state = state;
        _occupancy = occupancy;
        _store = store;
        _time = time;
        _logger = logger;
        _lastPersist = time.GetUtcNow();

        var saved = store.Load();
        foreach (var c in _circuits)
        {
            if (saved.TryGetValue(c.Id, out var record))
            {
                c.WattHours = record.WattHours;
                c.Manual = record.Manual;
                c.LockedOut = record.LockedOut;
            }
        }

        Dictionary<string, CircuitState>? snapshot;
        lock (_gate)
        {
            ApplyRelays();
            snapshot = BuildState(_time.GetUtcNow(), force: true);
        }

        Publish(snapshot);
    }

    public IReadOnlyCollection<string> CircuitIds => _byId.Keys;

    /// <summary>One sample: read every meter, protect, shed or restore, follow occupancy, count energy.</summary>
    public void Step()
    {
        var events = new List<KioskEventBody>();
        Dictionary<string, CircuitState>? snapshot;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var dt = _lastStep is { } last ? Clamp(now - last, TimeSpan.Zero, 4 * _options.SamplePeriod) : TimeSpan.Zero;
            _lastStep = now;

            FollowOccupancy(now, events);
            foreach (var c in _circuits)
            {
                Sample(c, now, dt, events);
            }

            ShedOrRestore(now, events);
            RestoreAfterCooldown(now, events);
            ApplyRelays();
            if (_persistNow || now - _lastPersist >= _options.PersistEvery)
            {
                PersistLocked(now);
            }

            snapshot = BuildState(now, force: events.Count > 0);
        }

        Flush(events, snapshot);
    }

    /// <summary>An operator's on/off/reset. Null when the circuit is unknown (nothing changes).</summary>
    public PowerResult? Operate(string circuit, PowerAction action, string via, string? sub)
    {
        var events = new List<KioskEventBody>();
        PowerResult result;
        Dictionary<string, CircuitState>? snapshot;
        lock (_gate)
        {
            if (!_byId.TryGetValue(circuit, out var c))
            {
                return null;
            }

            var now = _time.GetUtcNow();
            switch (action)
            {
                case PowerAction.On or PowerAction.Off:
                    c.Manual = action == PowerAction.On;
                    events.Add(new PowerSwitched(c.Id, action == PowerAction.On, via, sub));
                    break;
                case PowerAction.Reset:
                    var blocked = !WantsOn(c) && (c.Tripped || c.LockedOut || c.Fault is not null);
                    c.Tripped = false;
                    c.LockedOut = false;
                    c.Fault = null; // re-tested from the next sample with the circuit fed
                    c.RepeatedValue = null;
                    c.RecentTrips.Clear();
                    c.TripProgress = 0;
                    if (blocked)
                    {
                        events.Add(new PowerRestored(c.Id, "reset", via, sub));
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }

            ApplyRelays();
            PersistLocked(now);
            result = PowerResult.From(c.Id, CircuitState(c));
            snapshot = BuildState(now, force: true);
        }

        Flush(events, snapshot);
        return result;
    }

    /// <summary>
    /// Puts back an operator's on/off decision (null: automatic) after the diagnostics circuit test,
    /// which switches through <see cref="Operate"/>. Unknown circuits are ignored.
    /// </summary>
    internal void RestoreManual(string circuit, bool? manual)
    {
        Dictionary<string, CircuitState>? snapshot;
        lock (_gate)
        {
            if (!_byId.TryGetValue(circuit, out var c))
            {
                return;
            }

            c.Manual = manual;
            ApplyRelays();
            PersistLocked(_time.GetUtcNow());
            snapshot = BuildState(_time.GetUtcNow(), force: true);
        }

        Flush([], snapshot);
    }

    /// <summary>power.{circuit}.watts, power.{circuit}.wh and power.total.watts.</summary>
    public void Collect(IDictionary<string, double> measurements)
    {
        lock (_gate)
        {
            var total = 0.0;
            foreach (var c in _circuits)
            {
                measurements[$"power.{c.Id}.watts"] = Math.Round(c.Watts, 1);
                measurements[$"power.{c.Id}.wh"] = Math.Round(c.WattHours, 2);
                total += c.Watts;
            }

            measurements["power.total.watts"] = Math.Round(total, 1);
        }
    }

    /// <summary>The current state of one circuit, as in the state section; null when unknown.</summary>
    public CircuitState? Describe(string circuit)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(circuit, out var c) ? CircuitState(c) : null;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            PersistLocked(_time.GetUtcNow());
        }
    }

    public override void Dispose()
    {
        foreach (var c in _circuits)
        {
            c.Meter.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SamplePeriod, _time);
        try
        {
            do
            {
                Step();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private void Sample(Circuit c, DateTimeOffset now, TimeSpan dt, List<KioskEventBody> events)
    {
        var on = c.Relay.IsOn;
        MeterReading reading = default;
        MeterFault? fault = null;
        try
        {
            reading = c.Meter.Read();
        }
        catch (PowerMeterException e)
        {
            fault = e.Fault;
            if (c.Fault is null)
            {
                LogMeterFailed(c.Id, c.MeterName, e.Message);
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A driver that lets a bus error escape is still a meter that did not answer.
            fault = MeterFault.NoAnswer;
            if (c.Fault is null)
            {
                LogMeterFailed(c.Id, c.MeterName, e.Message);
            }
        }

        fault ??= Plausibility(c, reading.Watts, on, now);
        if (fault is { } f)
        {
            if (c.Fault is null)
            {
                LogSensorFault(c.Id, c.MeterName, f.ToContract());
                events.Add(new PowerSensorFault(c.Id, c.MeterName, f.ToContract(), c.Options.SafeState == SafeState.On ? "on" : "off"));
            }

            c.Fault = f;
            c.Watts = 0;
            c.TripProgress = 0;
            c.LastCounter = null;
            return;
        }

        if (c.Fault is not null)
        {
            c.Fault = null;
            LogSensorRecovered(c.Id, c.MeterName);
            events.Add(new PowerSensorRecovered(c.Id, c.MeterName));
            if (c.Options.SafeState == SafeState.Off && WantsOn(c))
            {
                events.Add(new PowerRestored(c.Id, "sensor_recovered"));
            }
        }

        var watts = reading.Watts;
        if (reading.WattHours is { } counter)
        {
            if (c.LastCounter is { } previous && counter >= previous)
            {
                c.WattHours += counter - previous;
            }

            c.LastCounter = counter;
        }
        else if (watts > 0)
        {
            c.WattHours += watts * dt.TotalHours;
        }

        c.Watts = watts;
        Protect(c, on, watts, now, dt, events);
    }

    private MeterFault? Plausibility(Circuit c, double watts, bool on, DateTimeOffset now)
    {
        if (double.IsNaN(watts) || watts < -c.MeterOptions.NoiseWatts || watts > c.MeterOptions.MaxWatts)
        {
            return MeterFault.OutOfRange;
        }

        // Faults that show in the values can only be re-tested with the circuit fed: while it is off
        // (SafeState Off) a reading of 0 proves nothing, so they latch until an operator's reset.
        if (c.Fault is MeterFault.OutOfRange or MeterFault.Overflow or MeterFault.Frozen && !on)
        {
            return c.Fault;
        }

        // A frozen sensor recovers only when the value moves.
        if (c.Fault == MeterFault.Frozen && watts == c.RepeatedValue)
        {
            return MeterFault.Frozen;
        }

        if (!c.Meter.ReportsContinuously || !on || watts == 0)
        {
            c.RepeatedValue = null;
            return null;
        }

        if (watts != c.RepeatedValue)
        {
            c.RepeatedValue = watts;
            c.RepeatedSince = now;
            return null;
        }

        return now - c.RepeatedSince >= _options.FrozenAfter ? MeterFault.Frozen : null;
    }

    private void Protect(Circuit c, bool on, double watts, DateTimeOffset now, TimeSpan dt, List<KioskEventBody> events)
    {
        var ratio = watts / c.Options.LimitWatts;
        if (!on || c.Tripped || ratio <= 1)
        {
            c.TripProgress = 0;
            return;
        }

        // Between the limit and the curve's first point the progress holds: neither trips nor forgets.
        if (_curve.TripTime(ratio) is not { } tripTime)
        {
            return;
        }

        c.TripProgress += tripTime <= TimeSpan.Zero ? 1 : dt / tripTime;
        if (c.TripProgress < 1 - TripEpsilon)
        {
            return;
        }

        c.Tripped = true;
        c.TrippedAt = now;
        c.TripProgress = 0;
        c.RecentTrips.Enqueue(now);
        while (c.RecentTrips.Count > 0 && now - c.RecentTrips.Peek() >= _options.LockoutWindow)
        {
            c.RecentTrips.Dequeue();
        }

        LogTrip(c.Id, watts, c.Options.LimitWatts);
        events.Add(new PowerTrip(c.Id, Math.Round(watts, 1), c.Options.LimitWatts, "overload"));
        if (c.RecentTrips.Count >= _options.LockoutTrips)
        {
            c.LockedOut = true;
            _persistNow = true;
            LogLockout(c.Id, c.RecentTrips.Count);
            events.Add(new PowerLockout(c.Id, c.RecentTrips.Count, _options.LockoutWindow.TotalSeconds));
        }
    }

    private void ShedOrRestore(DateTimeOffset now, List<KioskEventBody> events)
    {
        var limit = _options.KioskLimitWatts;
        var total = _circuits.Where(c => c.Relay.IsOn).Sum(Draw);
        if (total > limit)
        {
            _overKioskSince ??= now;
            if (now - _overKioskSince < _options.ShedAfter)
            {
                return;
            }

            var projected = total;
            foreach (var c in _circuits.Where(c => c.Relay.IsOn && !c.Shed).OrderBy(c => c.Options.Priority).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                var draw = Draw(c);
                if (projected <= limit)
                {
                    break;
                }

                if (draw <= 0)
                {
                    continue;
                }

                c.Shed = true;
                c.ShedWatts = draw;
                projected -= draw;
                LogShed(c.Id, draw, total, limit);
                events.Add(new PowerShed(c.Id, Math.Round(draw, 1), Math.Round(total, 1), limit, "kiosk_limit"));
            }

            _lastShedAction = now;
            _overKioskSince = null;
            return;
        }

        _overKioskSince = null;
        if (now - _lastShedAction < _options.ShedCooldown)
        {
            return;
        }

        // Highest priority first, one circuit per cooldown, so the meters see each return before the next.
        var next = _circuits.Where(c => c.Shed).OrderByDescending(c => c.Options.Priority).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
        if (next is not null && total + next.ShedWatts <= limit * _options.ShedRestoreBelowPercent / 100)
        {
            next.Shed = false;
            _lastShedAction = now;
            events.Add(new PowerRestored(next.Id, "headroom"));
        }
    }

    /// <summary>A circuit's share of the kiosk total; an unmeasurable circuit that stays on counts at its limit.</summary>
    private static double Draw(Circuit c) => c.Fault is null ? Math.Max(0, c.Watts) : c.Options.LimitWatts;

    private void RestoreAfterCooldown(DateTimeOffset now, List<KioskEventBody> events)
    {
        foreach (var c in _circuits.Where(c => c.Tripped && !c.LockedOut && now - c.TrippedAt >= _options.Cooldown))
        {
            c.Tripped = false;
            events.Add(new PowerRestored(c.Id, "cooldown"));
        }
    }

    private void FollowOccupancy(DateTimeOffset now, List<KioskEventBody> events)
    {
        var saving = _occupancy.EmptySince is { } since && now - since >= _options.SavingAfter;
        if (saving == _saving)
        {
            return;
        }

        _saving = saving;
        var followers = _circuits.Where(c => c.Options.FollowsOccupancy).ToList();
        if (saving)
        {
            // An operator's "on" holds while people are there; it ends when the kiosk empties.
            foreach (var c in followers.Where(c => c.Manual == true))
            {
                c.Manual = null;
                _persistNow = true;
            }
        }

        if (followers.Count > 0)
        {
            events.Add(new PowerSaving(saving, [.. followers.Select(c => c.Id)]));
        }
    }

    private bool WantsOn(Circuit c)
    {
        if (c.LockedOut || c.Tripped || c.Shed)
        {
            return false;
        }

        if (c.Fault is not null && c.Options.SafeState == SafeState.Off)
        {
            return false;
        }

        return c.Manual ?? (c.Options.NormallyOn && !(c.Options.FollowsOccupancy && _saving));
    }

    private void ApplyRelays()
    {
        foreach (var c in _circuits)
        {
            c.Relay.Switch(WantsOn(c));
        }
    }

    private void PersistLocked(DateTimeOffset now)
    {
        _lastPersist = now;
        _persistNow = false;
        try
        {
            _store.Save(_circuits.Select(c => new CircuitRecord(c.Id, c.WattHours, c.Manual, c.LockedOut)));
        }
        catch (SqliteException e)
        {
            // Protection goes on without the disk; the energy counters are retried next period.
            LogPersistFailed(e.Message);
        }
    }

    private static CircuitState CircuitState(Circuit c) => new(
        c.Relay.IsOn,
        Math.Round(c.Watts),
        Math.Round(c.WattHours, 1),
        c.Options.LimitWatts,
        c.Tripped,
        c.LockedOut,
        c.Shed,
        c.Fault?.ToContract(),
        c.Manual switch { true => "on", false => "off", null => null });

    /// <summary>The "circuits" section, when it is due: on any discrete change, else every <see cref="StateRefresh"/>.</summary>
    private Dictionary<string, CircuitState>? BuildState(DateTimeOffset now, bool force)
    {
        var section = new Dictionary<string, CircuitState>(StringComparer.Ordinal);
        foreach (var c in _circuits)
        {
            section[c.Id] = CircuitState(c);
        }

        var shape = string.Join('|', _circuits.Select(c => $"{c.Relay.IsOn}{c.Tripped}{c.LockedOut}{c.Shed}{c.Fault}{c.Manual}"));
        var changed = force || shape != _publishedShape;
        if (!changed && !_refreshNext && now - _lastPublish < StateRefresh)
        {
            return null;
        }

        // After a switch the meters settle one sample later (a cut circuit reads 0): show that at once too.
        _refreshNext = changed;
        _publishedShape = shape;
        _lastPublish = now;
        return section;
    }

    private void Flush(List<KioskEventBody> events, Dictionary<string, CircuitState>? snapshot)
    {
        // Outside the lock: journal subscribers (MQTT, occupancy) may call back into features.
        foreach (var e in events)
        {
            _journal.Append(e);
        }

        Publish(snapshot);
    }

    private void Publish(Dictionary<string, CircuitState>? snapshot)
    {
        if (snapshot is not null)
        {
            _state.Set(StateSections.Circuits, snapshot, ContractJsonContext.Default.DictionaryStringCircuitState);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} tripped: {Watts:0} W over its {Limit:0} W limit")]
    private partial void LogTrip(string circuit, double watts, double limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} locked out after {Trips} trips; an operator must reset it")]
    private partial void LogLockout(string circuit, int trips);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} shed: it drew {Watts:0} W with the kiosk at {Total:0} W of {Limit:0} W")]
    private partial void LogShed(string circuit, double watts, double total, double limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {Meter} of circuit {Circuit} failed: {Reason}")]
    private partial void LogMeterFailed(string circuit, string meter, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor fault on circuit {Circuit} (meter {Meter}): {Fault}; circuit goes to its safe state")]
    private partial void LogSensorFault(string circuit, string meter, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter {Meter} of circuit {Circuit} reads plausibly again")]
    private partial void LogSensorRecovered(string circuit, string meter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not persist energy counters: {Reason}")]
    private partial void LogPersistFailed(string reason);
}
