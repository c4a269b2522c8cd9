using Kiosk.Edge.Messaging.Connection;
using MQTTnet.Exceptions;

namespace Kiosk.Edge.Messaging;

/// <summary>Which exceptions mean "the link is down or slow, try again later" (anything else is a bug and propagates).</summary>
internal static class MqttFailures
{
    public static bool IsTransient(Exception e, CancellationToken stopping) => e switch
    {
        OperationCanceledException => !stopping.IsCancellationRequested,
        MqttCommunicationException or MqttLinkException => true,
        _ => false,
    };
}
