using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Kiosk.Fleet.Mqtt;

/// <summary>
/// Development only: when <c>Fleet:Mqtt:Host</c> is empty, an in-process MQTTnet broker on
/// 127.0.0.1:<c>Fleet:Mqtt:EmbeddedPort</c> that the simulated kiosk joins. It has no shared
/// subscriptions; the ingest then subscribes plainly (one instance).
/// </summary>
internal sealed partial class EmbeddedBroker(IOptions<FleetMqttOptions> options, ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
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
            .WithDefaultEndpointPort(o.EmbeddedPort)
            .WithPersistentSessions()
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += e =>
        {
            if (string.IsNullOrEmpty(e.ClientId))
            {
                e.AssignedClientIdentifier = "anonymous-" + Guid.NewGuid().ToString("N")[..12];
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
                $"Fleet:Mqtt:EmbeddedPort {o.EmbeddedPort} is already in use on 127.0.0.1 (a kiosk's embedded broker?): start the fleet first, or set Fleet:Mqtt:Host to use that broker.", e);
        }

        LogStarted(o.EmbeddedPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded development MQTT broker listening on 127.0.0.1:{Port}")]
    private partial void LogStarted(int port);
}
