using System.Net;
using MQTTnet.Server;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>The embedded broker flavour: MQTTnet.Server in-process, bound to loopback on a free port.</summary>
public sealed class MqttNetBroker : TestBroker
{
    private MqttServer? _server;

    public MqttNetBroker() => Port = FreePort.Next();

    public override string Name => "mqttnet";

    public override async Task StartAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        await _server.StartAsync();
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(10));
    }

    public override async Task StopAsync()
    {
        if (_server is { } server)
        {
            await server.StopAsync(new MqttServerStopOptions());
            server.Dispose();
            _server = null;
        }
    }

    public override async ValueTask DisposeAsync() => await StopAsync();
}
