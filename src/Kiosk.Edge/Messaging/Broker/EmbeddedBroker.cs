using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using MQTTnet.Server.Internal.Adapter;

namespace Kiosk.Edge.Messaging.Broker;

/// <summary>
/// Development only: when <c>Mqtt:Host</c> is empty, an in-process MQTTnet broker on
/// 127.0.0.1:<c>Mqtt:Embedded:Port</c>, so <c>mosquitto_sub -t 'kiosk/#' -v</c> shows the simulated kiosk live.
/// </summary>
internal sealed partial class EmbeddedBroker(IOptions<MqttOptions> options, ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
{
    private readonly ILogger<EmbeddedBroker> _logger = logger;
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.UsesEmbeddedBroker)
        {
            return;
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(o.Embedded.Port)
            .Build();
        // mosquitto_sub and friends connect with an empty client id and expect the broker to assign one:
        // MQTT 3.1.1 clients get it from the listener's wrapper, MQTT 5 clients from the validation hook.
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [new ClientIdAssigningAdapter(new MqttTcpServerAdapter())]);
        _server.ValidatingConnectionAsync += e =>
        {
            if (string.IsNullOrEmpty(e.ClientId))
            {
                e.AssignedClientIdentifier = ClientIdAssigningChannel.AssignedPrefix + Guid.NewGuid().ToString("N")[..16];
            }

            return Task.CompletedTask;
        };
        try
        {
            await _server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"Mqtt:Embedded:Port {o.Embedded.Port} is already in use on 127.0.0.1 (another broker?): set Mqtt:Embedded:Port to a free port, or Mqtt:Host to use that broker.", e);
        }

        LogStarted(o.Embedded.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT embedded development broker listening on 127.0.0.1:{Port}")]
    private partial void LogStarted(int port);
}
