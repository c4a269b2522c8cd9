using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Electrical protection and metering of the kiosk's appliance circuits. Every sample it reads each
/// meter (<see cref="MeterSampler"/>), checks the reading (<see cref="PlausibilityCheck"/>,
/// <see cref="SensorHealth"/>), counts energy (<see cref="EnergyCounter"/>), trips circuits on the
/// inverse time curve (<see cref="TripIntegrator"/>), sheds before the supply breaker would trip
/// (<see cref="LoadShedder"/>), follows occupancy (<see cref="OccupancySaving"/>), switches the relays
/// (<see cref="RelayPolicy"/>), persists (<see cref="EnergyPersistence"/>) and publishes
/// (<see cref="CircuitStatePublisher"/>). One loop; <see cref="Step"/> is one sample. All circuit state
/// is touched under one lock; events and state leave it afterwards.
/// </summary>
internal sealed class PowerGuard : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly PowerOptions _options;
    private readonly List<Circuit> _circuits;
    private readonly Dictionary<string, Circuit> _byId;
    private readonly EventJournal _journal;
    private readonly TimeProvider _time;
    private readonly MeterSampler _sampler;
    private readonly PlausibilityCheck _plausibility;
    private readonly SensorHealth _sensors;
    private readonly TripIntegrator _trips;
    private readonly LoadShedder _shedder;
    private readonly OccupancySaving _saving;
    private readonly EnergyPersistence _persistence;
    private readonly CircuitStatePublisher _publisher;
    private DateTimeOffset? _lastStep;

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
        _journal = journal;
        _time = time;
        _sampler = new MeterSampler(logger);
        _plausibility = new PlausibilityCheck(options.FrozenAfter);
        _sensors = new SensorHealth(logger);
        _trips = new TripIntegrator(options, logger);
        _shedder = new LoadShedder(options, logger);
        _saving = new OccupancySaving(occupancy, options.SavingAfter);
        _persistence = new EnergyPersistence(store, options.PersistEvery, time.GetUtcNow(), logger);
        _publisher = new CircuitStatePublisher(state);

        _persistence.Restore(_circuits);
        Dictionary<string, CircuitState>? snapshot;
        lock (_gate)
        {
            ApplyRelays();
            snapshot = _publisher.Build(_circuits, _time.GetUtcNow(), force: true);
        }

        _publisher.Publish(snapshot);
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
            var dt = SampleInterval.Since(_lastStep, now, _options.SamplePeriod);
            _lastStep = now;

            if (_saving.Follow(_circuits, now, events))
            {
                _persistence.MarkDue();
            }

            foreach (var c in _circuits)
            {
                Sample(c, now, dt, events);
            }

            _shedder.ShedOrRestore(_circuits, now, events);
            _trips.RestoreAfterCooldown(_circuits, now, events);
            ApplyRelays();
            _persistence.SaveIfDue(_circuits, now);
            snapshot = _publisher.Build(_circuits, now, force: events.Count > 0);
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
            if (OperatorAction.Apply(c, action, _saving.Saving, via, sub) is { } recorded)
            {
                events.Add(recorded);
            }

            ApplyRelays();
            _persistence.Save(_circuits, now);
            result = PowerResult.From(c.Id, CircuitStatePublisher.Describe(c));
            snapshot = _publisher.Build(_circuits, now, force: true);
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
            _persistence.Save(_circuits, _time.GetUtcNow());
            snapshot = _publisher.Build(_circuits, _time.GetUtcNow(), force: true);
        }

        Flush([], snapshot);
    }

    /// <summary>power.{circuit}.watts, power.{circuit}.wh and power.total.watts.</summary>
    public void Collect(IDictionary<string, double> measurements)
    {
        lock (_gate)
        {
            CircuitStatePublisher.Measure(_circuits, measurements);
        }
    }

    /// <summary>The current state of one circuit, as in the state section; null when unknown.</summary>
    public CircuitState? Describe(string circuit)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(circuit, out var c) ? CircuitStatePublisher.Describe(c) : null;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _persistence.Save(_circuits, _time.GetUtcNow());
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

    private void Sample(Circuit c, DateTimeOffset now, TimeSpan dt, List<KioskEventBody> events)
    {
        var on = c.Relay.IsOn;
        var fault = _sampler.TryRead(c, out var reading) ?? _plausibility.Check(c, reading.Watts, on, now);
        if (fault is { } f)
        {
            _sensors.Fault(c, f, events);
            return;
        }

        _sensors.Good(c, _saving.Saving, events);
        EnergyCounter.Count(c, reading, dt);
        c.Watts = reading.Watts;
        if (_trips.Integrate(c, on, reading.Watts, now, dt, events))
        {
            _persistence.MarkDue();
        }
    }

    private void ApplyRelays()
    {
        foreach (var c in _circuits)
        {
            c.Relay.Switch(RelayPolicy.WantsOn(c, _saving.Saving));
        }
    }

    private void Flush(List<KioskEventBody> events, Dictionary<string, CircuitState>? snapshot)
    {
        // Outside the lock: journal subscribers (MQTT, occupancy) may call back into features.
        foreach (var e in events)
        {
            _journal.Append(e);
        }

        _publisher.Publish(snapshot);
    }
}
