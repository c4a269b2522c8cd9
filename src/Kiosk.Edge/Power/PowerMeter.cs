namespace Kiosk.Edge.Power;

/// <summary>
/// One meter channel, as the guard sees it: a reading of the power drawn now (and of the energy,
/// where the meter counts it), or a <see cref="PowerMeterException"/> naming the fault.
/// </summary>
internal abstract class PowerMeter : IDisposable
{
    /// <summary>
    /// True when every reading is a fresh measurement, so an identical non-zero value repeated for a
    /// long time means a stuck sensor. False for meters that legitimately hold a value between updates
    /// (an S0 meter at low load pulses once a minute).
    /// </summary>
    public virtual bool ReportsContinuously => true;

    /// <summary>Reads the meter now. Throws <see cref="PowerMeterException"/> when it cannot.</summary>
    public abstract MeterReading Read();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
