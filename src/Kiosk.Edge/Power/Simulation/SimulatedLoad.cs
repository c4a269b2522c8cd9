namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// What is plugged into a simulated circuit: a script of steps from the service's start, overridden
/// by <c>sim.load</c>. The draw carries a little noise, as real loads and meters do, so a constant
/// demand never looks like a frozen sensor.
/// </summary>
internal sealed class SimulatedLoad
{
    private readonly Lock _gate = new();
    private readonly LoadStepOptions[] _script;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _start;
    private readonly Random _noise;
    private double? _override;
    private MeterFault? _fault;
    private double _frozenAt;

    public SimulatedLoad(IEnumerable<LoadStepOptions> script, TimeProvider time, int seed)
    {
        _script = [.. script.OrderBy(s => s.At)];
        _time = time;
        _start = time.GetUtcNow();
        _noise = new Random(seed);
    }

    /// <summary>The demand without noise: the override, else the last script step reached, else 0 W.</summary>
    public double Demand
    {
        get
        {
            lock (_gate)
            {
                if (_override is { } watts)
                {
                    return watts;
                }

                var elapsed = _time.GetUtcNow() - _start;
                return _script.LastOrDefault(s => s.At <= elapsed)?.Watts ?? 0;
            }
        }
    }

    /// <summary>Replaces the script with a constant demand from now on.</summary>
    public void Set(double watts)
    {
        lock (_gate)
        {
            _override = watts;
        }
    }

    /// <summary>A sensor fault played by the meter on this load (<c>sim.meter</c>); null for none.</summary>
    public MeterFault? Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }
    }

    /// <summary>
    /// Plays a sensor fault: <c>Frozen</c> holds the present draw exactly, <c>OutOfRange</c> reads a
    /// negative kilowatt, <c>NoAnswer</c> is played by the meter (it stops answering).
    /// </summary>
    public void Inject(MeterFault? fault)
    {
        var demand = Demand;
        lock (_gate)
        {
            _fault = fault;
            _frozenAt = Math.Max(demand, 1);
        }
    }

    /// <summary>The demand with +/-0.2 % noise (or the injected fault's reading).</summary>
    public double Draw()
    {
        var demand = Demand;
        lock (_gate)
        {
            return _fault switch
            {
                MeterFault.Frozen => _frozenAt,
                MeterFault.OutOfRange => -1000,
                _ => demand <= 0 ? 0 : demand * (1 + ((_noise.NextDouble() - 0.5) * 0.004)),
            };
        }
    }
}
