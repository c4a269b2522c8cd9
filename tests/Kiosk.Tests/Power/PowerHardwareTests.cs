using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Kiosk.Edge.Power.Simulation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Power;

public sealed class PowerHardwareTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(CircuitBench.T0);
    private readonly Board _board = new(new SimulatedGpioDriver());
    private readonly SimulatedI2cBus _i2c = new();
    private readonly PowerOptions _options = new();
    private readonly List<SimulatedPlant> _plants = [];

    [Fact]
    public void Build_CircuitsConfiguredInAnyOrder_SortedById()
    {
        AddCircuit("outlet", 20, new MeterOptions());
        AddCircuit("aircon", 21, new MeterOptions());
        AddCircuit("heater", 22, new MeterOptions());

        var circuits = Build(_board);

        Assert.Equal(["aircon", "heater", "outlet"], circuits.Select(c => c.Id));
    }

    [Fact]
    public void Build_NoI2cAdapter_ServiceStartsAndTheMeterAnswersNoAnswer()
    {
        AddCircuit("outlet", 21, new MeterOptions { Kind = MeterKind.Ina219, Bus = 3 });
        using var gpio = new GpioController(new SimulatedGpioDriver());

        var circuit = Assert.Single(Build(new Board(gpio, null, BoardKind.Libgpiod, TimeSpan.Zero)));

        var e = Assert.Throws<PowerMeterException>(() => circuit.Meter.Read());
        Assert.Equal(MeterFault.NoAnswer, e.Fault);
        Assert.Contains("I2C bus 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SimulatedMeterWithoutASimulatedLoad_Refused()
    {
        AddCircuit("outlet", 21, new MeterOptions { Kind = MeterKind.Simulated });
        using var plant = new SimulatedPlant(Options.Create(new PowerOptions()), _time); // knows no circuit

        var e = Assert.Throws<InvalidOperationException>(() => PowerHardware.Build(_options, _board, I2cBusFactory.Simulated(_i2c), _i2c, plant, _time));

        Assert.Equal("Simulated meters need the simulated board.", e.Message);
    }

    [Theory]
    [InlineData(24.0, 2.4)]
    [InlineData(0.0, 0.0)]
    public void Build_SimulatedIna219_MeasuresTheLoadAtItsBusVoltage(double volts, double watts)
    {
        // 0.1 ohm for 0.3 A: the 40 mV range, so a current beyond 0.4 A would overflow the chip.
        var meter = new MeterOptions { Kind = MeterKind.Ina219, ShuntOhms = 0.1, MaxCurrentAmps = 0.3, Averages = 1, SimulatedBusVolts = volts };
        meter.Script.Add(new LoadStepOptions { Watts = 2.4 });
        AddCircuit("outlet", 21, meter);
        var circuit = Assert.Single(Build(_board));
        circuit.Relay.Switch(true);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(watts, circuit.Meter.Read().Watts, tolerance: 0.1);
    }

    public void Dispose()
    {
        foreach (var plant in _plants)
        {
            plant.Dispose();
        }

        _board.Dispose();
    }

    private void AddCircuit(string id, int relayPin, MeterOptions meter)
    {
        _options.Circuits[id] = new CircuitOptions { RelayPin = relayPin, LimitWatts = 1000, Meter = $"{id}-meter" };
        _options.Meters[$"{id}-meter"] = meter;
    }

    private List<Circuit> Build(Board board)
    {
        var plant = new SimulatedPlant(Options.Create(_options), _time);
        _plants.Add(plant);
        return PowerHardware.Build(_options, board, I2cBusFactory.Simulated(_i2c), _i2c, plant, _time);
    }
}
