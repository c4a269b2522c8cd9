using System.Text.Json.Nodes;
using Kiosk.Ctl;
using Kiosk.Ctl.Watch;
using Spectre.Console;

namespace Kiosk.Tests.Ctl.Watch;

public sealed class WatchCommandTests
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
        Assert.Contains("""
            DOORS
            door  lock    contact  mode            alarm
            rest  locked  closed   normal          -
            life  locked  closed   out_of_service  -
            """, stdout, StringComparison.Ordinal);
        Assert.Contains("CIRCUITS\n-\n", stdout, StringComparison.Ordinal);
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

        var frame = CtlContext.Plain(new WatchFrame(status, [new JsonObject { ["seq"] = 7, ["ts"] = "2026-11-23T06:00:00.000Z", ["type"] = "power.trip", ["circuit"] = "outlet" }]).Plain());

        Assert.Contains("kiosk demo-0001  version -  boot -", frame, StringComparison.Ordinal);
        Assert.Contains("circuit  on    watts   tripped\noutlet   true  1235 W  false\n", frame, StringComparison.Ordinal);
        Assert.Contains("cabin  count  capacity\nrest   2      6\n", frame, StringComparison.Ordinal);
        Assert.Contains("link: connected=true  broker=mqtts://broker:8883", frame, StringComparison.Ordinal);
        Assert.Contains("health: unexpected string", frame, StringComparison.Ordinal);
        Assert.Contains("maintenance: -", frame, StringComparison.Ordinal);
        Assert.Contains("DOORS\n-\n", frame, StringComparison.Ordinal);
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

    [Fact]
    public void Terminal_Layout_DrawsPanelsPerSection()
    {
        var status = new JsonObject
        {
            ["id"] = "demo-0001",
            ["state"] = new JsonObject { ["doors"] = new JsonObject { ["rest"] = new JsonObject { ["lock"] = "locked", ["mode"] = "normal" } } },
        };
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 120;
        console.Profile.Height = 40;

        console.Write(new WatchFrame(status, []).Terminal());

        var screen = output.ToString();
        Assert.Contains("kiosk demo-0001", screen, StringComparison.Ordinal);
        foreach (var panel in (string[])["doors", "circuits", "occupancy", "intercom", "events"])
        {
            Assert.Contains("─" + panel + "─", screen, StringComparison.Ordinal);
        }

        Assert.Contains("│ rest │ locked │ normal │", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_ServiceAway_SaysSoAndKeepsWatching()
    {
        using var stdout = new StringWriter();
        var loop = new WatchLoop(new CtlContext(CtlIo.Plain(stdout, TextWriter.Null)), new ControlClient("/nonexistent/kiosk.sock"), TimeSpan.FromSeconds(2));

        var frame = CtlContext.Plain(await loop.StepAsync(terminal: false, TestContext.Current.CancellationToken));

        Assert.Contains("cannot reach the kiosk service at /nonexistent/kiosk.sock", frame, StringComparison.Ordinal);
        Assert.Contains("retrying every 2 s (q to quit)", frame, StringComparison.Ordinal);
    }
}
