using System.Text.Json.Nodes;
using Kiosk.Ctl;
using Kiosk.Edge.Diagnostics;
using Kiosk.Tests.Diagnostics;

namespace Kiosk.Tests.Ctl.Diag;

public sealed class DiagCommandTests
{
    [Fact]
    public async Task Diag_Json_NothingFailed_ExitZeroWithDocument()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("all lines held")), new FakeCheck("clock", CheckResult.Warn("cannot tell", "enable timesyncd")));

        var (code, stdout, _) = await f.RunAsync("diag", "--json");

        Assert.Equal(0, code);
        var doc = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["ts", "kiosk", "summary", "checks"], doc.Select(p => p.Key));
        Assert.Equal(1, doc["summary"]!["warn"]!.GetValue<int>());
    }

    [Fact]
    public async Task Diag_CheckFailed_ExitOneAndTableShowsHint()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("all lines held")), new FakeCheck("tts", CheckResult.Fail("espeak-ng is not installed", "apt install espeak-ng")));

        var (code, stdout, _) = await f.RunAsync("diag");

        Assert.Equal(1, code);
        var lines = stdout.Split('\n');
        Assert.Equal("CHECK  STATUS  DETAIL", lines[0]);
        Assert.Equal("gpio   pass    all lines held", lines[1]);
        Assert.Equal("tts    FAIL    espeak-ng is not installed", lines[2]);
        Assert.Equal("       hint:   apt install espeak-ng", lines[3]);
        Assert.StartsWith("1 pass, 0 warn, 1 fail (test-0001, ", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diag_ChecksFilter_RunsOnlyThose()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("ok")), new FakeCheck("tts", CheckResult.Fail("missing", "install")));

        var (code, stdout, _) = await f.RunAsync("diag", "--checks", "gpio", "--json");

        Assert.Equal(0, code);
        Assert.Equal("gpio", Assert.Single(JsonNode.Parse(stdout)!["checks"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diag_UnknownCheck_ExitTwo()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("ok")));

        var (code, _, stderr) = await f.RunAsync("diag", "--checks", "gpio,warp");

        Assert.Equal(2, code);
        Assert.Contains("unknown check(s): warp; known: gpio", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diag_UnknownOption_ExitTwo()
    {
        await using var f = await CtlFixture.StartAsync(new FakeCheck("gpio", CheckResult.Pass("ok")));

        var (code, _, stderr) = await f.RunAsync("diag", "--verbose", "x");

        Assert.Equal(2, code);
        Assert.Contains("Unrecognized command or argument '--verbose'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diag_ServiceUnreachable_ExitThree()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CtlApp.RunAsync(["--socket", Path.Combine(Path.GetTempPath(), "no-such-kiosk.sock"), "diag"], stdout, stderr, TestContext.Current.CancellationToken);

        Assert.Equal(3, code);
        Assert.Contains("cannot reach the kiosk service", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actuate_OutsideMaintenance_ExitFourNothingMoved()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, stderr) = await f.RunAsync("diag", "--actuate", "lock", "--door", "rest", "--yes");

        Assert.Equal(4, code);
        Assert.Contains("need maintenance mode", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Type yes", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Kiosk.Journal.ReadAfter(0, 100), e => e.Type == "door.opened");
    }

    [Fact]
    public async Task Actuate_InMaintenanceWithYes_ReportsObservation()
    {
        await using var f = await CtlFixture.StartAsync();
        f.Maintenance.Enter("manual", null);

        var (code, stdout, stderr) = await f.RunAsync("diag", "--actuate", "lock", "--door", "rest", "--yes");

        Assert.True(code == 0, stderr);
        Assert.Contains("relayMoved: true", stdout, StringComparison.Ordinal);
        Assert.True(f.Kiosk.Door("rest").IsLocked);
    }

    [Fact]
    public async Task Actuate_NotConfirmed_CancelledNothingMoved()
    {
        await using var f = await CtlFixture.StartAsync();
        f.Maintenance.Enter("manual", null);

        var (code, stdout, stderr) = await f.RunWithInputAsync("no\n", "diag", "--actuate", "lock");

        Assert.Equal(1, code);
        Assert.Contains("This will release the lock of door (default) for a moment and relock it. Type yes to continue:", stdout, StringComparison.Ordinal);
        Assert.Contains("cancelled, nothing moved", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Kiosk.Journal.ReadAfter(0, 100), e => e.Type == "door.opened");
    }

    [Fact]
    public async Task Actuate_Confirmed_Runs()
    {
        await using var f = await CtlFixture.StartAsync();
        f.Maintenance.Enter("manual", null);

        var (code, stdout, stderr) = await f.RunWithInputAsync("yes\n", "diag", "--actuate", "lock", "--door", "life");

        Assert.True(code == 0, stderr);
        Assert.Contains("door: life", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actuate_UnknownTarget_ExitTwo()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, _, _) = await f.RunAsync("diag", "--actuate", "siren");

        Assert.Equal(2, code);
    }
}
