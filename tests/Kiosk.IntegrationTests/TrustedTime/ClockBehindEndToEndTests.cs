using Kiosk.Ctl;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.IntegrationTests.TrustedTime;

/// <summary>
/// Issue 11: the real service with its clock an hour behind (a board without an RTC after a power
/// cut with no network), a pass minted on the real time by the real kioskctl.
/// </summary>
public sealed class ClockBehindEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SimScan_ServiceClockOneHourBehind_FreshPassOpensAndClockBehindRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = KioskSettings.Isolated();
        settings["Clock:CheckInterval"] = "00:00:01";
        await using var kiosk = await ServiceProcess.StartAsync(settings, cancellationToken: ct, environment: FakeTime.Shifted(TimeSpan.FromHours(-1)));
        var client = new ControlClient(kiosk.SocketPath);
        var pass = await ScanToOpenTests.IssuePassAsync(kiosk, "worker-e2e-faketime");

        var scan = await kiosk.CtlAsync("sim", "scan", pass);
        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Equal("granted: door rest", scan.Stdout.Trim());

        var opened = await ScanToOpenTests.WaitForEventAsync(client, "door.opened", ct);
        Assert.Equal("worker-e2e-faketime", opened["sub"]!.GetValue<string>());
        var behind = await ScanToOpenTests.WaitForEventAsync(client, "clock.behind", ct);
        Assert.InRange(behind["behindBy"]!.GetValue<long>(), 3500, 3700);
        Assert.Equal("token", behind["source"]!.GetValue<string>());
        // The service really ran an hour behind: its own event timestamps are on the faked system clock.
        Assert.InRange(DateTimeOffset.UtcNow - DateTimeOffset.Parse(opened["ts"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(65));

        // The health entry in state says the same, for the fleet and for kioskctl status.
        var detail = await Eventually.WaitAsync(
            async () => (await client.RequestAsync("status", null, ct))?["state"]?["health"]?["checks"]?["clock"]?["detail"]?.GetValue<string>(),
            Patience,
            "the clock health entry");
        Assert.Contains("behind trusted time", detail, StringComparison.Ordinal);
        Assert.True(await kiosk.StopAsync(Patience) == 0, kiosk.Output);
    }
}
