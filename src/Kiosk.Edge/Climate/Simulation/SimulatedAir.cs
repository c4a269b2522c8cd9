namespace Kiosk.Edge.Climate.Simulation;

/// <summary>
/// The physical air of one simulated cabin, which its simulated chips measure: degrees Celsius,
/// percent relative humidity, CO2 in ppm, and a fault the chips play (set with <c>sim.climate</c>).
/// </summary>
internal sealed class SimulatedAir
{
    private readonly Lock _gate = new();
    private double _celsius = 26;
    private double _humidity = 55;
    private double _co2Ppm = 600;
    private SimulatedSensorFault _fault;

    public double Celsius
    {
        get { lock (_gate) { return _celsius; } }
        set { lock (_gate) { _celsius = value; } }
    }

    public double Humidity
    {
        get { lock (_gate) { return _humidity; } }
        set { lock (_gate) { _humidity = value; } }
    }

    public double Co2Ppm
    {
        get { lock (_gate) { return _co2Ppm; } }
        set { lock (_gate) { _co2Ppm = value; } }
    }

    public SimulatedSensorFault Fault
    {
        get { lock (_gate) { return _fault; } }
        set { lock (_gate) { _fault = value; } }
    }
}
