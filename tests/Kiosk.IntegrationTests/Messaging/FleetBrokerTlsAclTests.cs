using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Kiosk.IntegrationTests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace Kiosk.IntegrationTests.Messaging;

/// <summary>Mosquitto with the deploy/ configuration (TLS, client certificates, pattern ACL) and certificates from the deploy/ script.</summary>
public sealed class FleetBrokerTlsAclTests(FleetBrokerFixture fleet) : IClassFixture<FleetBrokerFixture>
{
    private readonly FleetPki _pki = fleet.Pki;
    private readonly MosquittoBroker _broker = fleet.Broker;

    [Fact]
    public async Task Kiosk_TlsWithClientCertificate_ConnectsAndBackendSeesBirth()
    {
        using var backend = await _pki.ConnectAsync(_broker.Port, "backend", "backend-1");
        var seen = Collect(backend);
        await backend.SubscribeAsync("kiosk/+/status", MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);

        await using var kiosk = await KioskUnderTest.StartAsync(_broker.Port, new Dictionary<string, string?>
        {
            ["Mqtt:Tls:Enabled"] = "true",
            ["Mqtt:Tls:CaFile"] = _pki.CaFile,
            ["Mqtt:Tls:CertFile"] = _pki.Cert("kiosk-a"),
            ["Mqtt:Tls:KeyFile"] = _pki.Key("kiosk-a"),
        }, id: "kiosk-a");
        await kiosk.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        await Eventually.TrueAsync(() => seen.Any(m => m.Topic == "kiosk/kiosk-a/status" && m.Payload.Contains("\"online\":true", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "kiosk-a's birth");
    }

    [Fact]
    public async Task KioskA_SubscribesToKioskBCommands_ReceivesNothing()
    {
        using var a = await _pki.ConnectAsync(_broker.Port, "kiosk-a", "kiosk-a");
        var received = Collect(a);
        await a.SubscribeAsync("kiosk/kiosk-b/cmd/#", MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        await a.SubscribeAsync("kiosk/kiosk-a/cmd/#", MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        using var backend = await _pki.ConnectAsync(_broker.Port, "backend", "backend-1");

        await backend.PublishStringAsync("kiosk/kiosk-b/cmd/unlock", "{\"id\":\"for-b\",\"token\":\"x\"}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);
        await backend.PublishStringAsync("kiosk/kiosk-a/cmd/unlock", "{\"id\":\"for-a\",\"token\":\"x\"}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);

        // In-order delivery per client: once A has its own command, B's would have arrived before it.
        await Eventually.TrueAsync(() => received.Any(m => m.Topic == "kiosk/kiosk-a/cmd/unlock"), TimeSpan.FromSeconds(10), "kiosk-a's own command");
        Assert.DoesNotContain(received, m => m.Topic.StartsWith("kiosk/kiosk-b/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KioskA_PublishesUnderKioskBPrefix_RefusedAndNotDelivered()
    {
        using var backend = await _pki.ConnectAsync(_broker.Port, "backend", "backend-1");
        var seen = Collect(backend);
        await backend.SubscribeAsync("kiosk/#", MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        using var a = await _pki.ConnectAsync(_broker.Port, "kiosk-a", "kiosk-a");

        var forged = await a.PublishStringAsync("kiosk/kiosk-b/events", "{\"type\":\"door.opened\"}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);
        var ownCommand = await a.PublishStringAsync("kiosk/kiosk-a/cmd/unlock", "{}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);
        var own = await a.PublishStringAsync("kiosk/kiosk-a/events", "{\"type\":\"door.opened\"}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ownCommand.ReasonCode);
        Assert.True(own.IsSuccess, own.ReasonCode.ToString());
        await Eventually.TrueAsync(() => seen.Any(m => m.Topic == "kiosk/kiosk-a/events"), TimeSpan.FromSeconds(10), "kiosk-a's own event");
        Assert.DoesNotContain(seen, m => m.Topic.StartsWith("kiosk/kiosk-b/", StringComparison.Ordinal) || m.Topic.Contains("/cmd/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_WithoutCertificate_Refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => _pki.ConnectAsync(_broker.Port, null, "intruder"));
    }

    private static ConcurrentQueue<(string Topic, string Payload)> Collect(IMqttClient client)
    {
        var queue = new ConcurrentQueue<(string, string)>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            queue.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        return queue;
    }
}

/// <summary>One PKI and one fleet-configured Mosquitto for the TLS/ACL tests (making keys is the slow part).</summary>
public sealed class FleetBrokerFixture : IAsyncLifetime
{
    internal FleetPki Pki { get; private set; } = null!;

    internal MosquittoBroker Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Pki = await FleetPki.CreateAsync("kiosk-a", "kiosk-b");
        Broker = new MosquittoBroker(port => Pki.BrokerConfig(port), Pki.Directory);
        await Broker.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.StopAsync();
        Pki.Dispose();
    }
}
