namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// A meter on a simulated load. It sits behind the relay, like a real meter: with the relay off it
/// reads 0 W whatever is plugged in.
/// </summary>
internal sealed class SimulatedMeter(SimulatedLoad load, Func<bool> fed) : PowerMeter
{
    public override MeterReading Read() => new(fed() ? load.Draw() : 0);
}
