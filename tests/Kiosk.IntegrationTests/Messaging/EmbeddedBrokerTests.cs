using System.Diagnostics;
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

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task EmbeddedBroker_MosquittoSubWithoutClientId_GetsAnAssignedIdAndTheStatus(string protocol)
    {
        var port = FreePort.Next();
        await using var kiosk = await KioskUnderTest.StartAsync(0, new Dictionary<string, string?>
        {
            ["Mqtt:Host"] = "",
            ["Mqtt:Port"] = null,
            ["Mqtt:Embedded:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await kiosk.WaitConnectedAsync(TimeSpan.FromSeconds(15));

        // mosquitto_sub without -i sends an empty client id; MQTT 3.1.1 section 3.1.3.1 lets the server assign one.
        var psi = new ProcessStartInfo("mosquitto_sub") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-V", protocol, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", $"kiosk/{kiosk.Id}/status", "-C", "1", "-W", "20" })
        {
            psi.ArgumentList.Add(a);
        }

        using var sub = Process.Start(psi)!;
        var stdout = sub.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = sub.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await sub.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(sub.ExitCode == 0, $"mosquitto_sub exited {sub.ExitCode}: {await stderr}");
        Assert.Contains("\"online\":true", await stdout, StringComparison.Ordinal);
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
