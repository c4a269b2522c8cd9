using System.Text.Json.Nodes;
using Kiosk.Edge.Climate;
using Kiosk.Edge.Climate.Simulation;
using Kiosk.Edge.Control;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Climate.Simulation;

/// <summary>
/// The demo kiosk's climate side as the service composes it on the simulated board: simulated chips on
/// the simulated I2C bus, the library drivers reading them, sim.climate setting the air.
/// </summary>
public sealed class ClimateSimulationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("climate-sim-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 20, 13, 0, 0, TimeSpan.Zero));
    private readonly Board _board = new(new SimulatedGpioDriver());
    private readonly EventJournal _journal;
    private readonly StateBoard _state = new();
    private readonly SimulatedClimate _simulated = new();
    private readonly FakeCabinHeadcount _people = new();
    private readonly ClimateMonitor _monitor;
    private readonly SimClimateOperation _sim;

    public ClimateSimulationTests()
    {
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), _time);
        var options = new ClimateOptions
        {
            RaiseAfter = TimeSpan.FromSeconds(4),
            Cabins =
            {
                ["rest"] = new CabinClimateOptions { Sensor = ClimateSensorKind.Sht3x, Address = 0x44 },
                ["life"] = new CabinClimateOptions { Sensor = ClimateSensorKind.Bme280, Address = 0x76 },
                ["wash"] = new CabinClimateOptions { Sensor = ClimateSensorKind.Sht4x, Bus = 3, Address = 0x44 },
            },
        };
        var bus = new SimulatedI2cBus();
        _monitor = new ClimateMonitor(
            options,
            ClimateHardware.Build(options, _board, I2cBusFactory.Simulated(bus), bus, _simulated, _time),
            ClimateHardware.Cpu(options, _board, _simulated),
            _people,
            new FakeCircuitDraw(),
            _journal,
            _state,
            _time,
            NullLogger<ClimateMonitor>.Instance);
        _sim = new SimClimateOperation(_board, _simulated);
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _journal.Dispose();
        _board.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("rest", "sht3x")]
    [InlineData("life", "bme280")]
    [InlineData("wash", "sht4x")]
    public async Task SimClimate_CabinHeatsWithPeopleInside_HeatRaisedThroughLibraryDriver(string cabin, string chip)
    {
        _people.Count = 1;
        await SimAsync(new JsonObject { ["cabin"] = cabin, ["celsius"] = 41, ["humidity"] = 70 });

        for (var i = 0; i < 4; i++)
        {
            _monitor.Step();
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        var state = _state.Get(ClimateMonitor.StateSection)!["cabins"]![cabin]!;
        Assert.Equal(chip, state["sensor"]!.GetValue<string>());
        Assert.Equal(41.0, state["celsius"]!.GetValue<double>(), 1);
        Assert.Equal(70.0, state["humidity"]!.GetValue<double>(), 0);
        var heat = Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "climate.heat");
        Assert.Equal(cabin, heat.Fields["cabin"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no_answer")]
    [InlineData("crc_error")]
    [InlineData("implausible")]
    public async Task SimClimate_Fault_SensorFaultEventAndNoAlarm(string fault)
    {
        _people.Count = 2;
        await SimAsync(new JsonObject { ["cabin"] = "rest", ["celsius"] = 45, ["fault"] = fault });

        for (var i = 0; i < 10; i++)
        {
            _monitor.Step();
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        var events = _journal.ReadAfter(0, 100);
        var e = Assert.Single(events, e => e.Type == "climate.sensor_fault");
        Assert.Equal(fault, e.Fields["fault"]!.GetValue<string>());
        Assert.DoesNotContain(events, e => e.Type == "climate.heat");
    }

    [Fact]
    public async Task SimClimate_Cpu_SetsTheSimulatedCpuTemperature()
    {
        await SimAsync(new JsonObject { ["cpu"] = 81 });
        _monitor.Step();

        var check = await new ClimateCheck(_monitor).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Kiosk.Edge.Diagnostics.CheckStatus.Warn, check.Status);
        Assert.Contains("cpu 81.0 °C", check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"cabin\":\"attic\",\"celsius\":41}", "one of: life, rest, wash")]
    [InlineData("{\"cabin\":\"rest\",\"celsius\":\"hot\"}", "--celsius must be a number")]
    [InlineData("{\"cabin\":\"rest\",\"celsius\":41,\"humidity\":140}", "--humidity 140 is outside 0..100")]
    [InlineData("{\"cabin\":\"rest\",\"celsius\":41,\"fault\":\"smoke\"}", "--fault 'smoke'")]
    [InlineData("{\"cabin\":\"rest\"}", "at least one of")]
    public async Task SimClimate_BadArguments_RefusedAndNothingChanges(string args, string message)
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => SimAsync(JsonNode.Parse(args)!.AsObject()));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(26, _simulated.Air("rest")!.Celsius);
    }

    [Fact]
    public async Task ClimateCheck_SensorFault_FailsWithHint()
    {
        await SimAsync(new JsonObject { ["cabin"] = "life", ["fault"] = "no_answer" });
        _monitor.Step();

        var check = await new ClimateCheck(_monitor).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Kiosk.Edge.Diagnostics.CheckStatus.Fail, check.Status);
        Assert.Contains("life: bme280 sensor fault no_answer", check.Detail, StringComparison.Ordinal);
        Assert.Contains("i2cdetect", check.Hint, StringComparison.Ordinal);
    }

    private async Task<JsonNode?> SimAsync(JsonObject args) =>
        await _sim.ExecuteAsync(args, new ControlSession(Stream.Null, 1000), TestContext.Current.CancellationToken);
}
