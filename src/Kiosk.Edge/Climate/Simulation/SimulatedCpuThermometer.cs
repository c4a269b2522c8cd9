namespace Kiosk.Edge.Climate.Simulation;

/// <summary>The simulated board's CPU temperature, set with <c>sim.climate --cpu</c>.</summary>
internal sealed class SimulatedCpuThermometer : CpuThermometer
{
    private double _celsius = 48;

    public double Celsius
    {
        get => Volatile.Read(ref _celsius);
        set => Volatile.Write(ref _celsius, value);
    }

    public override double? ReadCelsius() => Celsius;
}
