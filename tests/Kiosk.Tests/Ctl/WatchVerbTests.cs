using System.Text.Json.Nodes;
using Kiosk.Ctl;

namespace Kiosk.Tests.Ctl;

public sealed class WatchVerbTests
{
    [Fact]
    public async Task WatchOnce_SimulatedKiosk_PrintsOneFrameWithDoorsAndEvents()
    {
        await using var f = await CtlFixture.StartAsync();
        await f.RunAsync("door", "mode", "--mode", "out_of_service", "--door", "life");

        var (code, stdout, stderr) = await f.RunAsync("watch", "--once");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
        Assert.StartsWith("kiosk test-0001", stdout, StringComparison.Ordinal);
        Assert.Contains("  rest  lock=locked  contact=closed  mode=normal  alarm=-", stdout, StringComparison.Ordinal);
        Assert.Contains("  life  lock=locked  contact=closed  mode=out_of_service  alarm=-", stdout, StringComparison.Ordinal);
        Assert.Contains("CIRCUITS\n  -\n", stdout, StringComparison.Ordinal);
        Assert.Contains("link: -", stdout, StringComparison.Ordinal);
        Assert.Contains("door.mode", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartialAndOddSections_ShowsWhatThereIsAndDashes()
    {
        var status = new JsonObject
        {
            ["id"] = "demo-0001",
            ["state"] = new JsonObject
            {
                ["circuits"] = new JsonObject { ["outlet"] = new JsonObject { ["on"] = true, ["watts"] = 1234.6, ["tripped"] = false } },
                ["occupancy"] = new JsonObject { ["rest"] = new JsonObject { ["count"] = 2, ["capacity"] = 6 } },
                ["link"] = new JsonObject { ["connected"] = true, ["broker"] = "mqtts://broker:8883" },
                ["health"] = "unexpected string",
            },
        };

        var frame = WatchVerb.Render(status, [new JsonObject { ["seq"] = 7, ["ts"] = "2026-11-23T06:00:00.000Z", ["type"] = "power.trip", ["circuit"] = "outlet" }]);

        Assert.Contains("kiosk demo-0001  version -  boot -", frame, StringComparison.Ordinal);
        Assert.Contains("  outlet  on=true  1235 W  tripped=false", frame, StringComparison.Ordinal);
        Assert.Contains("  rest  count=2  capacity=6", frame, StringComparison.Ordinal);
        Assert.Contains("link: connected=true  broker=mqtts://broker:8883", frame, StringComparison.Ordinal);
        Assert.Contains("health: unexpected string", frame, StringComparison.Ordinal);
        Assert.Contains("maintenance: -", frame, StringComparison.Ordinal);
        Assert.Contains("DOORS\n  -\n", frame, StringComparison.Ordinal);
        Assert.Contains("power.trip", frame, StringComparison.Ordinal);
        Assert.Contains("circuit=outlet", frame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOnce_ServiceUnreachable_ExitThree()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CtlApp.RunAsync(["--socket", "/nonexistent/kiosk.sock", "watch", "--once"], stdout, stderr, TestContext.Current.CancellationToken);

        Assert.Equal(3, code);
    }
}
