using System.Text.Json.Nodes;
using Kiosk.Edge.Climate;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Climate;

/// <summary>
/// A climate monitor over settable fake sensors, occupancy and air-conditioner draw, a real journal in
/// a temp directory and a fake clock. Tests set the air and step the monitor sample by sample.
/// </summary>
internal sealed class ClimateRig : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("climate-").FullName;
    private ClimateMonitor? _monitor;

    public ClimateRig()
    {
        Journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 20, 13, 0, 0, TimeSpan.Zero));

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public ClimateOptions Options { get; } = new() { SamplePeriod = TimeSpan.FromSeconds(30), RaiseAfter = TimeSpan.FromMinutes(1) };

    public FakeClimateSensor Sensor { get; } = new("sht3x") { Reading = new ClimateReading(26, 50) };

    public FakeClimateSensor Co2 { get; } = new("scd4x") { Reading = new ClimateReading(null, null, 600) };

    public FakeCabinHeadcount People { get; } = new();

    public FakeCircuitDraw Aircon { get; } = new();

    public FakeCpu Cpu { get; } = new() { Celsius = 50 };

    public ClimateMonitor Monitor => _monitor ??= new ClimateMonitor(
        Options,
        [new CabinClimate("rest", new CabinClimateOptions { Co2Address = 0x62, AirconCircuit = "aircon" }, Sensor, Co2, Options)],
        Cpu,
        People,
        Aircon,
        Journal,
        State,
        Time,
        NullLogger<ClimateMonitor>.Instance);

    /// <summary>Sets the cabin temperature the sensor reads.</summary>
    public double Celsius
    {
        set => Sensor.Reading = new ClimateReading(value, 50);
    }

    /// <summary>Steps the monitor once per sample period for the given time (the first step at once).</summary>
    public void Run(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        Monitor.Step();
        while (Time.GetUtcNow() + Options.SamplePeriod <= end)
        {
            Time.Advance(Options.SamplePeriod);
            Monitor.Step();
        }
    }

    public List<KioskEvent> Events(string? type = null) =>
        [.. Journal.ReadAfter(0, 10_000).Where(e => type is null || e.Type == type)];

    public JsonObject Cabin => State.Get(ClimateMonitor.StateSection)!["cabins"]!["rest"]!.AsObject();

    public void Dispose()
    {
        Journal.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

internal sealed class FakeClimateSensor(string chip) : ClimateSensor
{
    public override string Chip => chip;

    public ClimateReading Reading { get; set; }

    public ClimateFault? Fault { get; set; }

    public override ClimateReading Read() =>
        Fault is { } f ? throw new ClimateSensorException(f, $"fake {f}") : Reading;
}

internal sealed class FakeCabinHeadcount : CabinHeadcount
{
    public int Count { get; set; }

    public override int PeopleIn(string cabin) => Count;
}

internal sealed class FakeCircuitDraw : CircuitDraw
{
    public double? Draw { get; set; } = 0;

    public override double? Watts(string circuit) => Draw;
}

internal sealed class FakeCpu : CpuThermometer
{
    public double? Celsius { get; set; }

    public override double? ReadCelsius() => Celsius;
}
