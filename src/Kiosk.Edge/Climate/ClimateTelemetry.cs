using Kiosk.Edge.State;

namespace Kiosk.Edge.Climate;

/// <summary>temperature.{cabin}, humidity.{cabin}, co2.{cabin} and temperature.cpu (deadbands: Mqtt:Telemetry:Deadbands temperature, humidity, co2).</summary>
internal sealed class ClimateTelemetry(ClimateMonitor monitor) : TelemetrySource
{
    public override void Collect(IDictionary<string, double> measurements) => monitor.Collect(measurements);
}
