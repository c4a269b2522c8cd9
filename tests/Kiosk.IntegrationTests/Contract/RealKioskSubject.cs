using System.Globalization;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.IntegrationTests.Contract;

/// <summary>The real kiosk-edge service as a process (Development: simulated board), on the suite's broker and trust store.</summary>
internal sealed class RealKioskSubject(ServiceProcess process, string id) : ContractSubject
{
    public override string Id => id;

    public static async Task<ContractSubject> StartAsync(string id, int brokerPort, string trustStorePath)
    {
        var settings = new Dictionary<string, string>
        {
            ["Kiosk:Id"] = id,
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Tls:Enabled"] = "false",
            ["Mqtt:KeepAlive"] = "00:00:05",
            ["Mqtt:Reconnect:BaseDelay"] = "00:00:00.200",
            ["Mqtt:Reconnect:MaxDelay"] = "00:00:01",
            ["Mqtt:Telemetry:Period"] = "00:00:01",
            ["Security:TrustStorePath"] = trustStorePath,
            // A long unlock time: a slow machine must not turn a remote release into forced_open.
            ["Doors:Cabins:rest:UnlockTime"] = "00:02:00",
            ["Doors:Cabins:life:UnlockTime"] = "00:02:00",
        };
        var process = await ServiceProcess.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken);
        return new RealKioskSubject(process, id);
    }

    public override async Task PressExitAsync(string door)
    {
        var press = await process.CtlAsync("sim", "press", "exit", "--door", door);
        Assert.True(press.ExitCode == 0, press.ToString());
    }

    public override async Task StopAsync() => Assert.Equal(0, await process.StopAsync(TimeSpan.FromSeconds(30)));

    public override ValueTask DisposeAsync() => process.DisposeAsync();
}
