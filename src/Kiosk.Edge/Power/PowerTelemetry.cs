using Kiosk.Edge.State;

namespace Kiosk.Edge.Power;

/// <summary>power.{circuit}.watts, power.{circuit}.wh and power.total.watts for the telemetry publisher.</summary>
internal sealed class PowerTelemetry(PowerGuard guard) : TelemetrySource
{
    public override void Collect(IDictionary<string, double> measurements) => guard.Collect(measurements);
}
