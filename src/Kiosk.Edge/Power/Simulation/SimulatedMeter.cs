namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// A meter on a simulated load. It sits behind the relay, like a real meter: with the relay off it
/// reads 0 W whatever is plugged in.
/// </summary>
internal sealed class SimulatedMeter(SimulatedLoad load, Func<bool> fed) : PowerMeter
{
    public override MeterReading Read() => load.Fault == MeterFault.NoAnswer
        ? throw new PowerMeterException(MeterFault.NoAnswer, "simulated meter does not answer (sim.meter)")
        : new(fed() ? load.Draw() : 0);
}
