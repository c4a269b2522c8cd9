using Kiosk.Contract.State;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// One circuit of the power guard: loads that draw watts until a time, a base draw, energy (Wh) integrated per step,
/// a trip that switches it off until a cooldown or a reset, and a manual on/off by command.
/// </summary>
internal sealed class SimCircuit(string id, double limit)
{
    private readonly List<(double Watts, DateTimeOffset Until)> _loads = [];

    public string Id { get; } = id;

    public double Limit { get; } = limit;

    /// <summary>Draw with no load (standby, a boiler's keep-warm, the aircon following occupancy).</summary>
    public double BaseWatts { get; set; }

    public bool On { get; private set; } = true;

    public bool Tripped { get; private set; }

    public DateTimeOffset RestoreAt { get; private set; }

    public string? Manual { get; private set; }

    public double Wh { get; private set; }

    public double Watts => On ? Math.Round(BaseWatts + _loads.Sum(l => l.Watts)) : 0;

    public CircuitState State => new(On, Watts, Math.Round(Wh, 1), Limit, Tripped, false, false, null, Manual);

    public void AddLoad(double watts, DateTimeOffset until) => _loads.Add((watts, until));

    public void Trip(DateTimeOffset restoreAt)
    {
        Tripped = true;
        On = false;
        RestoreAt = restoreAt;
        _loads.Clear();
    }

    /// <summary>Back on after a trip (cooldown or reset).</summary>
    public void Restore()
    {
        Tripped = false;
        On = Manual != "off";
    }

    public void Switch(bool on)
    {
        Manual = on ? "on" : "off";
        On = on && !Tripped;
    }

    /// <summary>One step: integrates energy over <paramref name="step"/>, ends finished loads; true when the draw changed.</summary>
    public bool Step(DateTimeOffset now, TimeSpan step)
    {
        var before = Watts;
        Wh += before * step.TotalHours;
        _loads.RemoveAll(l => l.Until <= now);
        return Watts != before;
    }
}
