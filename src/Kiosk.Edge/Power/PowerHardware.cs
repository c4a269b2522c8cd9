using System.Device.I2c;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Ina219;
using Kiosk.Edge.Hardware.Ina226;
using Kiosk.Edge.Hardware.S0;
using Kiosk.Edge.Power.Simulation;

namespace Kiosk.Edge.Power;

/// <summary>
/// Builds each configured circuit's relay and meter from the board: the one place the power feature
/// creates hardware. On the simulated board it also attaches the simulated parts the real drivers
/// talk to (INA chips on the simulated I2C bus, S0 pulse outputs on the simulated chip).
/// </summary>
internal static class PowerHardware
{
    public static List<Circuit> Build(PowerOptions options, Board board, I2cBusFactory i2c, SimulatedI2cBus simulatedI2c, SimulatedPlant plant, TimeProvider time)
    {
        var circuits = new List<Circuit>();
        foreach (var (id, circuit) in options.Circuits.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var meterOptions = options.Meters[circuit.Meter];
            var relay = new CircuitRelay(board.Gpio, circuit.RelayPin, circuit.RelayActiveLow);
            if (board.Simulation is { } chip && plant.Load(id) is { } load)
            {
                Simulate(id, chip, simulatedI2c, plant, load, relay, meterOptions, time);
            }

            var meter = Meter(meterOptions, board, i2c, plant.Load(id), relay, time);
            circuits.Add(new Circuit(id, circuit, relay, circuit.Meter, meter, meterOptions));
        }

        return circuits;
    }

    private static PowerMeter Meter(MeterOptions m, Board board, I2cBusFactory i2c, SimulatedLoad? load, CircuitRelay relay, TimeProvider time)
    {
        try
        {
            return m.Kind switch
            {
                MeterKind.Ina219 => new Ina219(i2c.Open(m.Bus, m.Address), m.ShuntOhms, m.MaxCurrentAmps, m.Averages),
                MeterKind.Ina226 => new Ina226(i2c.Open(m.Bus, m.Address), m.ShuntOhms, m.MaxCurrentAmps, m.Averages),
                MeterKind.S0 => new S0Meter(board.Gpio, m.Pin!.Value, m.ImpulsesPerKwh, m.MinPulseWidth, m.PulseActiveLow, time),
                MeterKind.Simulated => new SimulatedMeter(load ?? throw new InvalidOperationException("Simulated meters need the simulated board."), () => relay.IsOn),
                _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, null),
            };
        }
        catch (IOException e)
        {
            // A missing I2C adapter must not stop the service: the circuit shows a sensor fault instead.
            return new UnavailableMeter(e.Message);
        }
    }

    private static void Simulate(string id, SimulatedGpioDriver chip, SimulatedI2cBus bus, SimulatedPlant plant, SimulatedLoad load, CircuitRelay relay, MeterOptions m, TimeProvider time)
    {
        var volts = m.SimulatedBusVolts;
        double Amps() => relay.IsOn && volts > 0 ? load.Draw() / volts : 0;
        var settings = new I2cConnectionSettings(m.Bus, m.Address);
        switch (m.Kind)
        {
            case MeterKind.Ina219:
                var ina219 = new SimulatedIna219(settings, m.ShuntOhms, Amps, volts);
                bus.Attach(m.Bus, m.Address, ina219);
                plant.ChipResponding[id] = answering => ina219.Responding = answering;
                break;
            case MeterKind.Ina226:
                var ina226 = new SimulatedIna226(settings, m.ShuntOhms, Amps, volts);
                bus.Attach(m.Bus, m.Address, ina226);
                plant.ChipResponding[id] = answering => ina226.Responding = answering;
                break;
            case MeterKind.S0:
                plant.Parts.Add(new SimulatedS0Output(chip, m.Pin!.Value, m.ImpulsesPerKwh, m.PulseActiveLow, load, () => relay.IsOn, time));
                break;
            default:
                break;
        }
    }
}
