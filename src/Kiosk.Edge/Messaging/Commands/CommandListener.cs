using System.Buffers;
using Kiosk.Edge.Messaging.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// Takes messages off the link one at a time (outside MQTTnet's receive path, so a slow command
/// never stalls PUBACKs) and publishes each reply (QoS 1, not retained). A reply that cannot be
/// sent is not lost: it is stored, and the backend's resend gets it.
/// </summary>
internal sealed partial class CommandListener(MqttLink link, CommandProcessor processor, ILogger<CommandListener> logger) : BackgroundService
{
    private readonly ILogger<CommandListener> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in link.Incoming.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var incoming = new IncomingCommand(message.Topic, message.Payload.ToArray(), message.Retain, message.ResponseTopic, message.CorrelationData);
            await HandleAsync(incoming, stoppingToken).ConfigureAwait(false);
        }
    }

    internal async Task HandleAsync(IncomingCommand incoming, CancellationToken cancellationToken)
    {
        var reply = await processor.HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        try
        {
            await link.PublishAsync(reply.Topic, reply.Payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false, cancellationToken, reply.CorrelationData).ConfigureAwait(false);
        }
        catch (Exception e) when (MqttFailures.IsTransient(e, cancellationToken))
        {
            LogReplyFailed(reply.Topic, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT reply to {Topic} not sent (a resend gets the stored reply): {Error}")]
    private partial void LogReplyFailed(string topic, string error);
}
