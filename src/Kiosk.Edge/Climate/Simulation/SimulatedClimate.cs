namespace Kiosk.Edge.Climate.Simulation;

/// <summary>The simulated kiosk's air, one per cabin with sensors, and its CPU temperature.</summary>
internal sealed class SimulatedClimate
{
    private readonly Dictionary<string, SimulatedAir> _air = new(StringComparer.Ordinal);

    public SimulatedCpuThermometer Cpu { get; } = new();

    public IReadOnlyCollection<string> Cabins => _air.Keys;

    public SimulatedAir Add(string cabin)
    {
        var air = new SimulatedAir();
        _air[cabin] = air;
        return air;
    }

    public SimulatedAir? Air(string cabin) => _air.GetValueOrDefault(cabin);
}
