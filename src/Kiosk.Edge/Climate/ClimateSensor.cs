namespace Kiosk.Edge.Climate;

/// <summary>
/// One air sensor of a cabin, as the climate monitor sees it: a reading now, or a
/// <see cref="ClimateSensorException"/> naming the fault. Implementations wrap an Iot.Device.Bindings driver.
/// </summary>
internal abstract class ClimateSensor : IDisposable
{
    /// <summary>Lower-case chip name for state, events and diagnostics, e.g. <c>sht3x</c>.</summary>
    public abstract string Chip { get; }

    /// <summary>Reads the sensor now. Throws <see cref="ClimateSensorException"/> when it cannot.</summary>
    public abstract ClimateReading Read();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
