using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Power.Simulation;

/// <summary>The simulated kiosk's loads, one per circuit, scripted by the circuit's meter configuration.</summary>
internal sealed class SimulatedPlant : IDisposable
{
    private readonly Dictionary<string, SimulatedLoad> _loads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _simulatedMeters = new(StringComparer.Ordinal);

    public SimulatedPlant(IOptions<PowerOptions> options, TimeProvider time)
    {
        var seed = 1;
        foreach (var (id, circuit) in options.Value.Circuits.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var script = options.Value.Meters.TryGetValue(circuit.Meter, out var meter) ? meter.Script : [];
            _loads[id] = new SimulatedLoad(script, time, seed++);
            if (meter?.Kind == MeterKind.Simulated)
            {
                _simulatedMeters.Add(id);
            }
        }
    }

    public IReadOnlyCollection<string> Circuits => _loads.Keys;

    public SimulatedLoad? Load(string circuit) => _loads.GetValueOrDefault(circuit);

    /// <summary>Whether the circuit's meter is of kind Simulated (reads the load directly).</summary>
    public bool HasSimulatedMeter(string circuit) => _simulatedMeters.Contains(circuit);

    /// <summary>Per circuit: makes its simulated I2C chip stop or resume answering (no_answer).</summary>
    public Dictionary<string, Action<bool>> ChipResponding { get; } = new(StringComparer.Ordinal);

    /// <summary>Pulse generators and other simulated parts that must live as long as the plant.</summary>
    public List<IDisposable> Parts { get; } = [];

    public void Dispose()
    {
        foreach (var part in Parts)
        {
            part.Dispose();
        }
    }
}
