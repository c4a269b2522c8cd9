using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Climate;

/// <summary>
/// Reads every cabin's air sensors and the CPU temperature each <c>Climate:SamplePeriod</c>, keeps the
/// <c>climate</c> state section, and raises climate.heat, climate.cold, climate.co2_high and
/// climate.aircon_ineffective with hysteresis (climate.cleared when one ends) and climate.sensor_fault
/// when a sensor stops giving usable readings. One loop; <see cref="Step"/> is one sample.
/// </summary>
internal sealed class ClimateMonitor : BackgroundService
{
    public const string StateSection = StateSections.Climate;

    private readonly Lock _gate = new();
    private readonly ClimateOptions _options;
    private readonly List<CabinClimate> _cabins;
    private readonly CpuThermometer _cpu;
    private readonly CabinHeadcount _occupancy;
    private readonly CircuitDraw _power;
    private readonly EventJournal _journal;
    private readonly StateBoard _state;
    private readonly TimeProvider _time;
    private readonly CabinSensorReader _reader;
    private double? _cpuCelsius;

    public ClimateMonitor(
        ClimateOptions options,
        IEnumerable<CabinClimate> cabins,
        CpuThermometer cpu,
        CabinHeadcount occupancy,
        CircuitDraw power,
        EventJournal journal,
        StateBoard state,
        TimeProvider time,
        ILogger<ClimateMonitor> logger)
    {
        _options = options;
        _cabins = [.. cabins.OrderBy(c => c.Id, StringComparer.Ordinal)];
        _cpu = cpu;
        _occupancy = occupancy;
        _power = power;
        _journal = journal;
        _state = state;
        _time = time;
        _reader = new CabinSensorReader(options, logger);
    }

    public ClimateOptions Options => _options;

    /// <summary>One sample: read every sensor, update values, faults and alarms, then journal and publish.</summary>
    public void Step()
    {
        var events = new List<KioskEventBody>();
        ClimateState snapshot;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _cpuCelsius = _cpu.ReadCelsius() is { } cpu ? Math.Round(cpu, 1) : null;
            foreach (var cabin in _cabins)
            {
                _reader.Read(cabin, events);
                Evaluate(cabin, now, events);
            }

            snapshot = BuildState();
        }

        foreach (var e in events)
        {
            _journal.Append(e);
        }

        _state.Set(StateSection, snapshot, ContractJsonContext.Default.ClimateState);
    }

    /// <summary>temperature.{cabin}, humidity.{cabin}, co2.{cabin} and temperature.cpu for telemetry (deadbands per prefix).</summary>
    public void Collect(IDictionary<string, double> measurements)
    {
        lock (_gate)
        {
            foreach (var c in _cabins)
            {
                Put(measurements, $"temperature.{c.Id}", c.Celsius);
                Put(measurements, $"humidity.{c.Id}", c.Humidity);
                Put(measurements, $"co2.{c.Id}", c.Co2Ppm);
            }

            Put(measurements, "temperature.cpu", _cpuCelsius);
        }
    }

    /// <summary>The current state section (diagnostics, tests).</summary>
    public ClimateState Describe()
    {
        lock (_gate)
        {
            return BuildState();
        }
    }

    /// <summary>Per cabin: fault messages for diagnostics (cabin, sensor chip, message).</summary>
    public IReadOnlyList<(string Cabin, string Chip, string Detail)> FaultDetails()
    {
        lock (_gate)
        {
            var list = new List<(string, string, string)>();
            foreach (var c in _cabins)
            {
                if (c.FaultDetail is { } d)
                {
                    list.Add((c.Id, c.Sensor.Chip, d));
                }

                if (c.Co2FaultDetail is { } d2 && c.Co2Sensor is { } s)
                {
                    list.Add((c.Id, s.Chip, d2));
                }
            }

            return list;
        }
    }

    public override void Dispose()
    {
        foreach (var c in _cabins)
        {
            c.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SamplePeriod, _time);
        do
        {
            // The library drivers wait for conversions with Thread.Sleep (up to 0.5 s when an SCD4x
            // starts): keep that off the host's startup path and off other features' threads.
            await Task.Run(Step, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static void Put(IDictionary<string, double> measurements, string key, double? value)
    {
        if (value is { } v)
        {
            measurements[key] = v;
        }
    }

    private void Evaluate(CabinClimate cabin, DateTimeOffset now, List<KioskEventBody> events)
    {
        var people = _occupancy.PeopleIn(cabin.Id);
        switch (cabin.Heat.Update(cabin.Celsius, enabled: people > 0, now))
        {
            case AlarmChange.Raised:
                events.Add(new ClimateHeat(cabin.Id, cabin.Celsius!.Value, _options.HeatCelsius, people));
                break;
            case AlarmChange.Cleared:
                events.Add(Cleared(cabin, "heat", people == 0 ? "empty" : "cooled"));
                break;
            default:
                break;
        }

        switch (cabin.Cold.Update(cabin.Celsius, enabled: true, now))
        {
            case AlarmChange.Raised:
                events.Add(new ClimateCold(cabin.Id, cabin.Celsius!.Value, _options.ColdCelsius));
                break;
            case AlarmChange.Cleared:
                events.Add(Cleared(cabin, "cold", "warmed"));
                break;
            default:
                break;
        }

        switch (cabin.Co2High.Update(cabin.Co2Ppm, enabled: true, now))
        {
            case AlarmChange.Raised:
                events.Add(new ClimateCo2High(cabin.Id, cabin.Co2Ppm!.Value, _options.Co2HighPpm));
                break;
            case AlarmChange.Cleared:
                events.Add(Cleared(cabin, "co2_high", "ventilated"));
                break;
            default:
                break;
        }

        if (cabin.Options.AirconCircuit is not { } circuit)
        {
            return;
        }

        var watts = _power.Watts(circuit);
        switch (cabin.Aircon.Update(watts, cabin.Celsius, now))
        {
            case AlarmChange.Raised:
                events.Add(new ClimateAirconIneffective(cabin.Id, circuit, cabin.Celsius!.Value, cabin.Aircon.StartCelsius!.Value, Math.Round(_options.AirconWindow.TotalMinutes)));
                break;
            case AlarmChange.Cleared:
                events.Add(Cleared(cabin, "aircon_ineffective", watts < _options.AirconRunningWatts ? "stopped" : "cooled"));
                break;
            default:
                break;
        }
    }

    private static ClimateCleared Cleared(CabinClimate cabin, string alarm, string reason) =>
        new(cabin.Id, alarm, reason, cabin.Celsius, cabin.Co2Ppm);

    private ClimateState BuildState()
    {
        var cabins = new SortedDictionary<string, CabinClimateState>(StringComparer.Ordinal);
        foreach (var c in _cabins)
        {
            cabins[c.Id] = new CabinClimateState(c.Sensor.Chip, c.Celsius, c.Humidity, c.Fault?.ToContract(), [.. c.ActiveAlarms()])
            {
                Co2 = c.Co2Ppm,
                Co2Fault = c.Co2Fault?.ToContract(),
            };
        }

        return new ClimateState(cabins, new CpuState(_cpuCelsius));
    }
}
