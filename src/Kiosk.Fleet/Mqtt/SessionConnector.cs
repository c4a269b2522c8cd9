using Kiosk.Contract.Topics;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Kiosk.Fleet.Mqtt;

/// <summary>
/// Connects one of the instance's two broker sessions (<see cref="FleetMqttConnection"/>) and subscribes it;
/// a refusal throws <see cref="FleetMqttException"/>. Called only by <see cref="ConnectionSupervisor"/>'s loop.
/// </summary>
internal sealed partial class SessionConnector(FleetMqttConnection connection, IOptions<FleetMqttOptions> options, ILogger<SessionConnector> logger)
{
    private readonly FleetMqttOptions _options = options.Value;
    private readonly ILogger<SessionConnector> _logger = logger;

    /// <summary>The live session: events and telemetry (shared where the broker offers it) and this instance's replies.</summary>
    public async ValueTask ConnectLiveAsync(CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var result = await ConnectOnceAsync(client, connection.ClientId, cancellationToken).ConfigureAwait(false);
        var topics = connection.Topics;
        var shared = result.SharedSubscriptionAvailable ? $"$share/{_options.SharedGroup}/" : "";
        await SubscribeAsync(client, new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(shared + topics.AllKiosks(KioskTopics.EventsLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(shared + topics.AllKiosks(KioskTopics.TelemetryLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce))
            .WithTopicFilter(f => f.WithTopic(topics.ReplyFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), cancellationToken).ConfigureAwait(false);
        if (result.IsSessionPresent)
        {
            // A session kept from a version with one session also holds status and state: drop them
            // there (the state session takes them), or each would come twice. "No subscription existed"
            // is the answer on every later reconnect.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.OperationTimeout);
            await client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder()
                .WithTopicFilter(topics.AllKiosks(KioskTopics.StatusLeaf))
                .WithTopicFilter(topics.AllKiosks(KioskTopics.StateLeaf))
                .Build(), timeout.Token).ConfigureAwait(false);
        }

        LogConnected(connection.Broker, connection.ClientId, result.IsSessionPresent, shared.Length > 0);
    }

    /// <summary>
    /// The state session: status and state, not shared (every instance keeps the whole fleet's view), with
    /// their retained messages sent at every subscribe (Retain Handling 0) so the view is rebuilt after any gap.
    /// </summary>
    public async ValueTask ConnectStateAsync(CancellationToken cancellationToken)
    {
        var client = connection.StateClient;
        var result = await ConnectOnceAsync(client, connection.StateClientId, cancellationToken).ConfigureAwait(false);
        var topics = connection.Topics;
        await SubscribeAsync(client, new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(topics.AllKiosks(KioskTopics.StatusLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainHandling(MqttRetainHandling.SendAtSubscribe))
            .WithTopicFilter(f => f.WithTopic(topics.AllKiosks(KioskTopics.StateLeaf)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainHandling(MqttRetainHandling.SendAtSubscribe))
            .Build(), cancellationToken).ConfigureAwait(false);
        LogConnected(connection.Broker, connection.StateClientId, result.IsSessionPresent, false);
    }

    private async Task<MqttClientConnectResult> ConnectOnceAsync(IMqttClient client, string clientId, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            using var drop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            drop.CancelAfter(_options.OperationTimeout);
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), drop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                LogShutdownFailed(e.Message);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        var result = await client.ConnectAsync(connection.CreateClientOptions(clientId), timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new FleetMqttException($"broker refused the connection of {clientId}: {result.ResultCode}");
        }

        return result;
    }

    private async Task SubscribeAsync(IMqttClient client, MqttClientSubscribeOptions subscribe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        var granted = await client.SubscribeAsync(subscribe, timeout.Token).ConfigureAwait(false);
        if (granted.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new FleetMqttException($"broker refused the subscription {refused.TopicFilter.Topic}: {refused.ResultCode}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Broker} as {ClientId} (session present: {SessionPresent}, shared subscriptions: {Shared})")]
    private partial void LogConnected(string broker, string clientId, bool sessionPresent, bool shared);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT disconnect before reconnecting incomplete: {Error}")]
    private partial void LogShutdownFailed(string error);
}
