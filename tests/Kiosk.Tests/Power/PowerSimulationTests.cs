using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Kiosk.Edge.Power.Simulation;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Power;

/// <summary>
/// The demo kiosk's power side as the service composes it on the simulated board: the real INA and
/// S0 drivers reading simulated chips and pulse outputs, scripted loads, sim.load and the guard.
/// </summary>
public sealed class PowerSimulationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("power-sim-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _chip = new();
    private readonly Board _board;
    private readonly EventJournal _journal;
    private readonly EnergyStore _store;
    private readonly SimulatedPlant _plant;
    private readonly PowerGuard _guard;
    private readonly PowerOptions _options = PowerOptionsChecksTests.Valid();

    public PowerSimulationTests()
    {
        _board = new Board(_chip);
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), _time);
        _store = new EnergyStore(Path.Combine(_dir, "power.db"));
        _options.Meters["heater-s0"].Script.Add(new LoadStepOptions { Watts = 1800 });
        _options.Meters["aircon-ina226"].Script.Add(new LoadStepOptions { Watts = 800 });
        _options.Meters["outlet-ina219"].Script.Add(new LoadStepOptions { Watts = 60 });
        _plant = new SimulatedPlant(Options.Create(_options), _time);
        var i2c = new SimulatedI2cBus();
        var circuits = PowerHardware.Build(_options, _board, I2cBusFactory.Simulated(i2c), i2c, _plant, _time);
        _guard = new PowerGuard(_options, circuits, _journal, new StateBoard(), new FakeOccupancy(), _store, _time, NullLogger<PowerGuard>.Instance);
    }

    [Fact]
    public void Step_ScriptedLoads_EachDriverReadsItsCircuit()
    {
        Run(TimeSpan.FromSeconds(10));

        Assert.Equal(800, Watts("aircon"), tolerance: 5); // INA226 on the simulated I2C bus
        Assert.Equal(60, Watts("outlet"), tolerance: 1); // INA219
        Assert.Equal(1800, Watts("heater"), tolerance: 20); // S0 pulses on GPIO 23
        Assert.Equal(0, Watts("microwave"));
        Assert.Empty(_journal.ReadAfter(0, 100));
    }

    [Fact]
    public async Task SimLoad_TwoKilowattHeaterOnOutlet_TripsThroughInaDriverAndResetRestores()
    {
        Run(TimeSpan.FromSeconds(2));
        var load = new SimLoadOperation(_board, _plant);
        await load.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["watts"] = 2000 }, null!, CancellationToken.None);

        Run(TimeSpan.FromSeconds(1));

        var trip = Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "power.trip");
        Assert.Equal("outlet", trip.Fields["circuit"]!.GetValue<string>());
        Assert.Equal(2000, trip.Fields["watts"]!.GetValue<double>(), tolerance: 20);
        Assert.Equal(0, Watts("outlet")); // behind the open relay the chip measures nothing

        await load.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["watts"] = 60 }, null!, CancellationToken.None);
        _guard.Operate("outlet", PowerAction.Reset, "remote", "op-1");
        Run(TimeSpan.FromSeconds(1));
        Assert.True(_guard.Describe("outlet")!.On);
        Assert.Equal(60, Watts("outlet"), tolerance: 1);
    }

    [Fact]
    public async Task SimLoad_MicrowaveOverKioskLimit_ShedsTheHeaterFirst()
    {
        Run(TimeSpan.FromSeconds(10));
        await new SimLoadOperation(_board, _plant).ExecuteAsync(new JsonObject { ["circuit"] = "microwave", ["watts"] = 1200 }, null!, CancellationToken.None);

        Run(TimeSpan.FromSeconds(3)); // 1800 + 1200 + 800 + 60 = 3860 W > 3600 W

        var shed = Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "power.shed");
        Assert.Equal("heater", shed.Fields["circuit"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"circuit":"sauna","watts":100}""", "--circuit")]
    [InlineData("""{"watts":100}""", "--circuit")]
    [InlineData("""{"circuit":"outlet"}""", "--watts")]
    [InlineData("""{"circuit":"outlet","watts":-1}""", "--watts")]
    [InlineData("""{"circuit":"outlet","watts":"lots"}""", "--watts")]
    public async Task SimLoad_BadArguments_RefusedWithUsage(string args, string named)
    {
        var op = new SimLoadOperation(_board, _plant);

        var e = await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(JsonNode.Parse(args)!.AsObject(), null!, CancellationToken.None).AsTask());

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Equal(60, _plant.Load("outlet")!.Demand);
    }

    [Fact]
    public async Task SimLoad_RealBoard_Refused()
    {
        using var gpio = new System.Device.Gpio.GpioController(new SimulatedGpioDriver());
        var real = new Board(gpio, null, BoardKind.Libgpiod, TimeSpan.Zero);
        var op = new SimLoadOperation(real, _plant);

        var e = await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["watts"] = 1 }, null!, CancellationToken.None).AsTask());

        Assert.Contains("simulated board", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimMeter_InaStopsAnswering_FaultCutsCircuitAndRecoveryRestores()
    {
        Run(TimeSpan.FromSeconds(1));
        var fault = new SimMeterOperation(_board, _plant);

        await fault.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["fault"] = "no_answer" }, null!, CancellationToken.None);
        Run(TimeSpan.FromSeconds(1));

        var e = Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "power.sensor_fault");
        Assert.Equal("no_answer", e.Fields["fault"]!.GetValue<string>());
        Assert.False(_guard.Describe("outlet")!.On);

        await fault.ExecuteAsync(new JsonObject { ["circuit"] = "outlet", ["fault"] = "none" }, null!, CancellationToken.None);
        Run(TimeSpan.FromSeconds(1));

        Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "power.sensor_recovered");
        Assert.True(_guard.Describe("outlet")!.On);
    }

    [Fact]
    public async Task SimMeter_FrozenInaOnSafeStateOnCircuit_FrozenFaultCircuitStaysOn()
    {
        Run(TimeSpan.FromSeconds(1));

        await new SimMeterOperation(_board, _plant).ExecuteAsync(new JsonObject { ["circuit"] = "aircon", ["fault"] = "frozen" }, null!, CancellationToken.None);
        Run(TimeSpan.FromSeconds(31));

        var e = Assert.Single(_journal.ReadAfter(0, 100), e => e.Type == "power.sensor_fault");
        Assert.Equal("frozen", e.Fields["fault"]!.GetValue<string>());
        Assert.True(_guard.Describe("aircon")!.On);
    }

    [Theory]
    [InlineData("""{"circuit":"heater","fault":"frozen"}""", "S0")]
    [InlineData("""{"circuit":"outlet","fault":"melted"}""", "--fault")]
    [InlineData("""{"fault":"frozen"}""", "--circuit")]
    public async Task SimMeter_Unsupported_Refused(string args, string named)
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => new SimMeterOperation(_board, _plant).ExecuteAsync(JsonNode.Parse(args)!.AsObject(), null!, CancellationToken.None).AsTask());

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _plant.Dispose();
        _guard.Dispose();
        _store.Dispose();
        _journal.Dispose();
        _board.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private double Watts(string circuit) => _guard.Describe(circuit)!.Watts;

    /// <summary>Advances in 1 ms steps so the simulated S0 outputs pulse on time; the guard samples every 250 ms.</summary>
    private void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromMilliseconds(1))
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            if (_time.GetUtcNow().Ticks % TimeSpan.FromMilliseconds(250).Ticks == 0)
            {
                _guard.Step();
            }
        }
    }
}
