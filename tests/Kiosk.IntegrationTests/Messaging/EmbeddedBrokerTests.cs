using System.Net;
using System.Net.Sockets;
using Kiosk.IntegrationTests.Infrastructure;

namespace Kiosk.IntegrationTests.Messaging;

/// <summary>Development default: an empty <c>Mqtt:Host</c> starts the embedded broker on loopback and connects to it.</summary>
public sealed class EmbeddedBrokerTests
{
    [Fact]
    public async Task EmptyHost_Development_StartsEmbeddedBrokerAndKioskIsVisibleOnIt()
    {
        var port = FreePort.Next();
        await using var kiosk = await KioskUnderTest.StartAsync(0, new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "",
            ["Mqtt:Port"] = null,
            ["Mqtt:Embedded:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await kiosk.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        await using var watcher = await BrokerObserver.ConnectAsync(port, "kiosk/#");
        var birth = await watcher.WaitForAsync($"kiosk/{kiosk.Id}/status");
        Assert.True(birth.Json["online"]!.GetValue<bool>());
        Assert.Equal($"127.0.0.1:{port}", kiosk.Board.Get("link")!["broker"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyHost_EmbeddedPortBusy_FailsAtStartNamingTheKey()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KioskUnderTest.StartAsync(0, new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "",
            ["Mqtt:Port"] = null,
            ["Mqtt:Embedded:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Contains($"Mqtt:Embedded:Port {port} is already in use", error.Message, StringComparison.Ordinal);
    }
}
