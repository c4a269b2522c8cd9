using System.Device.Gpio;
using BenchmarkDotNet.Attributes;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Benchmarks.Power;

/// <summary>
/// One protection sample of a four-circuit kiosk (read, check, trip curve, shedding, relays, state):
/// it runs four times a second on a Pi-class board, so it must stay far below a millisecond.
/// </summary>
[MemoryDiagnoser]
public class PowerGuardStepBenchmarks
{
    private string _dir = "";
    private EventJournal _journal = null!;
    private EnergyStore _store = null!;
    private GpioController _gpio = null!;
    private PowerGuard _guard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("power-bench-").FullName;
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), TimeProvider.System);
        _store = new EnergyStore(Path.Combine(_dir, "power.db"));
        _gpio = new GpioController(new SimulatedGpioDriver());
        var options = new PowerOptions { KioskLimitWatts = 3600 };
        var circuits = new List<Circuit>();
        var pin = 18;
        foreach (var (id, watts) in new[] { ("heater", 1800.0), ("microwave", 900.0), ("aircon", 700.0), ("outlet", 60.0) })
        {
            var circuit = new CircuitOptions { RelayPin = pin, LimitWatts = 2500, Meter = id };
            options.Circuits[id] = circuit;
            circuits.Add(new Circuit(id, circuit, new CircuitRelay(_gpio, pin++, activeLow: false), id, new SteadyMeter(watts), new MeterOptions()));
        }

        _guard = new PowerGuard(options, circuits, _journal, new StateBoard(), new AlwaysOccupied(), _store, TimeProvider.System, NullLogger<PowerGuard>.Instance);
    }

    [Benchmark]
    public void Step() => _guard.Step();

    [GlobalCleanup]
    public void Cleanup()
    {
        _guard.Dispose();
        _store.Dispose();
        _journal.Dispose();
        _gpio.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class SteadyMeter(double watts) : PowerMeter
    {
        private int _reads;

        public override MeterReading Read() => new(watts + ((_reads++ & 1) * 0.01));
    }

    private sealed class AlwaysOccupied : OccupancySignal
    {
        public override DateTimeOffset? EmptySince => null;
    }
}
