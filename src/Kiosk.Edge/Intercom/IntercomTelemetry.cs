using Kiosk.Edge.State;

namespace Kiosk.Edge.Intercom;

/// <summary>intercom.help.pending (0/1), intercom.queue.length.</summary>
internal sealed class IntercomTelemetry(IntercomStatus status) : TelemetrySource
{
    public override void Collect(IDictionary<string, double> measurements)
    {
        measurements["intercom.help.pending"] = status.HelpPending ? 1 : 0;
        measurements["intercom.queue.length"] = status.QueueLength;
    }
}
