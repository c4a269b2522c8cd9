namespace Kiosk.Edge.State;

/// <summary>
/// A feature's periodic measurements. The telemetry publisher samples every source each period
/// and reports a value when it moved past its deadband (report by exception).
/// Keys are dotted and stable, e.g. <c>power.outlet.watts</c>, <c>occupancy.rest.count</c>.
/// </summary>
internal abstract class TelemetrySource
{
    public abstract void Collect(IDictionary<string, double> measurements);
}
