using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace Kiosk.Edge.Messaging.Broker;

/// <summary>
/// The embedded broker's TCP listener, with every connection wrapped in a
/// <see cref="ClientIdAssigningChannel"/>: MQTTnet's server assigns a client id to MQTT 5 clients
/// only, and refuses an MQTT 3.1.1 client with an empty one (what <c>mosquitto_sub</c> sends without <c>-i</c>).
/// </summary>
internal sealed class ClientIdAssigningAdapter(IMqttServerAdapter inner) : IMqttServerAdapter
{
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        inner.ClientHandler = channel => ClientHandler is { } handler ? handler(new ClientIdAssigningChannel(channel)) : Task.CompletedTask;
        return inner.StartAsync(options, logger);
    }

    public Task StopAsync() => inner.StopAsync();

    public void Dispose() => inner.Dispose();
}
