using System.Text.Json.Nodes;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.IntegrationTests.Diagnostics;

/// <summary>The README maintenance exercise against the real service process and the real kioskctl.</summary>
public sealed class DiagEndToEndTests
{
    [Fact]
    public async Task Diag_SimulatedKiosk_StableDocumentAndInjectedFaultsFound()
    {
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: TestContext.Current.CancellationToken);

        var diag = await kiosk.CtlAsync("diag", "--json");
        Assert.True(diag.ExitCode is 0 or 1, diag.ToString());
        var doc = JsonNode.Parse(diag.Stdout)!.AsObject();
        Assert.Equal(["ts", "kiosk", "summary", "checks"], doc.Select(p => p.Key));
        var names = doc["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        foreach (var expected in new[] { "gpio", "inputs", "clock", "disk", "outbox", "audio", "tts", "uptime", "health", "faults", "keys", "tls", "broker", "meters" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(diag.ExitCode == 1, doc["summary"]!["fail"]!.GetValue<int>() > 0);

        // A stuck door contact, found by the inputs check after five openings.
        Assert.Equal(0, (await kiosk.CtlAsync("sim", "fault", "--fault", "contact_stuck", "--door", "rest")).ExitCode);
        for (var i = 0; i < 5; i++)
        {
            var press = await kiosk.CtlAsync("sim", "press", "exit", "--door", "rest");
            Assert.True(press.ExitCode == 0, press.ToString());
            await kiosk.CtlAsync("sim", "door", "open", "--door", "rest");
            await kiosk.CtlAsync("sim", "door", "close", "--door", "rest");
        }

        // The openings reach the check through the event journal, asynchronously: wait for the fifth.
        var inputs = await Eventually.WaitAsync(
            async () =>
            {
                var run = await kiosk.CtlAsync("diag", "--checks", "inputs");
                return run.Stdout.Contains("openings were granted", StringComparison.Ordinal) ? run : null;
            },
            TimeSpan.FromSeconds(20),
            "the inputs check to report the stuck contact");
        Assert.True(inputs.ExitCode == 0, inputs.ToString());
        Assert.Contains("rest: contact stayed closed while 5 openings were granted", inputs.Stdout, StringComparison.Ordinal);

        // A silent meter, found by the meters check once the guard has sampled it.
        Assert.Equal(0, (await kiosk.CtlAsync("sim", "fault", "--fault", "meter_silent", "--circuit", "outlet")).ExitCode);
        var meters = await Eventually.WaitAsync(
            async () =>
            {
                var run = await kiosk.CtlAsync("diag", "--checks", "meters");
                return run.ExitCode == 1 ? run : null;
            },
            TimeSpan.FromSeconds(20),
            "the meters check to fail");
        Assert.Contains("outlet: meter fault no_answer", meters.Stdout, StringComparison.Ordinal);

        // Actuator tests are refused outside maintenance mode.
        var refused = await kiosk.CtlAsync("diag", "--actuate", "lock", "--door", "rest", "--yes");
        Assert.Equal(4, refused.ExitCode);
    }

    [Fact]
    public async Task DiagClock_SimulatedBoardLosesItsRtc_WarnsNoRtcUntilCleared()
    {
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: TestContext.Current.CancellationToken);

        var before = await ClockCheckAsync(kiosk);
        Assert.EndsWith("RTC present (simulated)", before["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(0, (await kiosk.CtlAsync("sim", "fault", "--fault", "rtc_missing")).ExitCode);
        var without = await ClockCheckAsync(kiosk);
        // At least a warning, whatever the container's time sync says (no NTP daemon here: "cannot tell").
        Assert.NotEqual("pass", without["status"]!.GetValue<string>());
        Assert.EndsWith("no RTC (simulated board, fault rtc_missing)", without["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("docs/rtc.md", without["hint"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(0, (await kiosk.CtlAsync("sim", "fault", "--fault", "rtc_missing", "--on", "false")).ExitCode);
        Assert.EndsWith("RTC present (simulated)", (await ClockCheckAsync(kiosk))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ClockCheckAsync(ServiceProcess kiosk)
    {
        var run = await kiosk.CtlAsync("diag", "--json", "--checks", "clock");
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return JsonNode.Parse(run.Stdout)!["checks"]!.AsArray().Single()!.AsObject();
    }
}
