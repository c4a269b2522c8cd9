using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Power;

/// <summary>
/// A power guard on a simulated chip with fake meters, a real journal and store in a temp directory,
/// and a fake clock. Tests add circuits, build the guard and run it sample by sample.
/// </summary>
internal sealed class PowerRig : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("power-").FullName;
    private readonly List<(string Id, CircuitOptions Options, CircuitRelay Relay, FakeMeter Meter, MeterOptions MeterOptions)> _parts = [];
    private readonly List<EnergyStore> _stores = [];
    private int _nextPin = 18;

    public PowerRig()
    {
        Journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), Time);
        Gpio = new GpioController(Chip);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Chip { get; } = new();

    public GpioController Gpio { get; }

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public FakeOccupancy Occupancy { get; } = new();

    public PowerOptions Options { get; } = new() { KioskLimitWatts = 100_000 };

    public Dictionary<string, FakeMeter> Meters { get; } = [];

    public Dictionary<string, int> Pins { get; } = [];

    public PowerGuard Guard { get; private set; } = null!;

    public string StorePath => Path.Combine(_dir, "power.db");

    public FakeMeter Add(string id, double limit, int priority = 0, bool normallyOn = true, SafeState safeState = SafeState.Off, bool followsOccupancy = false, bool activeLow = false, double maxWatts = 10_000)
    {
        var pin = _nextPin++;
        var options = new CircuitOptions
        {
            RelayPin = pin,
            RelayActiveLow = activeLow,
            LimitWatts = limit,
            Meter = id,
            Priority = priority,
            NormallyOn = normallyOn,
            SafeState = safeState,
            FollowsOccupancy = followsOccupancy,
        };
        var relay = new CircuitRelay(Gpio, pin, activeLow);
        var meter = new FakeMeter { Fed = () => relay.IsOn };
        _parts.Add((id, options, relay, meter, new MeterOptions { MaxWatts = maxWatts }));
        Options.Circuits[id] = options;
        Meters[id] = meter;
        Pins[id] = pin;
        return meter;
    }

    public PowerGuard Build()
    {
        var store = new EnergyStore(StorePath);
        _stores.Add(store);
        var circuits = _parts.Select(p => new Circuit(p.Id, p.Options, p.Relay, p.Id, p.Meter, p.MeterOptions));
        Guard = new PowerGuard(Options, circuits, Journal, State, OccupancyOverride ?? Occupancy, store, Time, NullLogger<PowerGuard>.Instance);
        return Guard;
    }

    /// <summary>A new guard (fresh circuit state) on the same store, relays and meters, as after a restart.</summary>
    public PowerGuard Restart()
    {
        Guard.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return Build();
    }

    /// <summary>Advances the clock one sample period and runs one sample.</summary>
    public void Sample()
    {
        Time.Advance(Options.SamplePeriod);
        Guard.Step();
    }

    /// <summary>Samples for <paramref name="duration"/>; stops early, returning the elapsed time, once <paramref name="until"/> holds.</summary>
    public TimeSpan Run(TimeSpan duration, Func<bool>? until = null)
    {
        var elapsed = TimeSpan.Zero;
        while (elapsed < duration)
        {
            Sample();
            elapsed += Options.SamplePeriod;
            if (until?.Invoke() == true)
            {
                break;
            }
        }

        return elapsed;
    }

    public bool IsOn(string id) => Options.Circuits[id].RelayActiveLow
        ? Chip.GetOutput(Pins[id]) == PinValue.Low
        : Chip.GetOutput(Pins[id]) == PinValue.High;

    public List<KioskEvent> Events(string type) => [.. Journal.ReadAfter(0, 10_000).Where(e => e.Type == type)];

    /// <summary>The circuit's live state (the state board's section is the same shape, refreshed on change).</summary>
    public JsonObject CircuitState(string id) => Describe(Guard, id);

    /// <summary>A circuit's state as the JSON of the state section (tests index it by field name).</summary>
    public static JsonObject Describe(PowerGuard guard, string id) =>
        System.Text.Json.JsonSerializer.SerializeToNode(guard.Describe(id)!, Kiosk.Contract.Json.ContractJsonContext.Default.CircuitState)!.AsObject();

    /// <summary>Replaces the fake occupancy (e.g. with the door-event signal) for the next <see cref="Build"/>.</summary>
    public OccupancySignal? OccupancyOverride { get; set; }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        Journal.Dispose();
        Gpio.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
