using System.Text.Json.Nodes;
using Kiosk.Edge.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics;

public sealed class DiagnosticsRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_HungCheck_FailsTimedOutAndOthersStillReport()
    {
        var runner = new DiagnosticsRunner([FakeCheck.Hanging("hang"), new FakeCheck("ok", CheckResult.Pass("fine"))], Timeout, "test-0001", _time);

        var run = runner.RunAsync(TestContext.Current.CancellationToken);
        _time.Advance(Timeout);
        var report = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var hang = report.Checks.Single(c => c.Name == "hang");
        Assert.Equal(CheckStatus.Fail, hang.Result.Status);
        Assert.StartsWith("timed out after 5 s", hang.Result.Detail, StringComparison.Ordinal);
        Assert.Contains("kioskctl diag --checks hang", hang.Result.Hint, StringComparison.Ordinal);
        Assert.Equal(Timeout, hang.Duration);
        Assert.Equal(CheckStatus.Pass, report.Checks.Single(c => c.Name == "ok").Result.Status);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task RunAsync_CheckThrows_FailNamesTheException()
    {
        var runner = new DiagnosticsRunner([new FakeCheck("boom", _ => throw new InvalidOperationException("bad state"))], Timeout, "test-0001", _time);

        var report = await runner.RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var outcome = Assert.Single(report.Checks);
        Assert.Equal(CheckStatus.Fail, outcome.Result.Status);
        Assert.Contains("InvalidOperationException: bad state", outcome.Result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TrySelect_UnknownName_ReportsIt()
    {
        var runner = new DiagnosticsRunner([new FakeCheck("a", CheckResult.Pass("x")), new FakeCheck("b", CheckResult.Pass("x"))], Timeout, "test-0001", _time);

        Assert.False(runner.TrySelect(["a", "zz"], out _, out var unknown));
        Assert.Equal(["zz"], unknown);
        Assert.True(runner.TrySelect(["b"], out var selected, out _));
        Assert.Equal("b", Assert.Single(selected).Name);
        Assert.True(runner.TrySelect(null, out var all, out _));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void Constructor_DuplicateNames_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new DiagnosticsRunner([new FakeCheck("a", CheckResult.Pass("x")), new FakeCheck("a", CheckResult.Pass("y"))], Timeout, "k", _time));
    }

    [Fact]
    public async Task ToJson_Report_HasTheStableDocumentedShape()
    {
        var runner = new DiagnosticsRunner(
            [new FakeCheck("gpio", CheckResult.Pass("all lines held"), "hardware"), new FakeCheck("clock", CheckResult.Warn("cannot tell", "enable timesyncd"), "system")],
            Timeout,
            "test-0001",
            _time);

        var json = (await runner.RunAsync(TestContext.Current.CancellationToken)).ToJson();

        // The shape of docs/diagnostics.md: keys, order and types. Changing it breaks fleet tooling.
        Assert.Equal(["ts", "kiosk", "summary", "checks"], json.Select(p => p.Key));
        Assert.Equal("2026-11-23T06:00:00.000Z", json["ts"]!.GetValue<string>());
        Assert.Equal("test-0001", json["kiosk"]!.GetValue<string>());
        Assert.Equal(["pass", "warn", "fail"], json["summary"]!.AsObject().Select(p => p.Key));
        Assert.Equal([1, 1, 0], json["summary"]!.AsObject().Select(p => p.Value!.GetValue<int>()));
        var checks = json["checks"]!.AsArray();
        Assert.Equal(2, checks.Count);
        foreach (var c in checks)
        {
            Assert.Equal(["name", "category", "status", "detail", "hint", "durationMs"], c!.AsObject().Select(p => p.Key));
            Assert.IsType<long>(c["durationMs"]!.GetValue<long>());
        }

        Assert.Equal("""{"name":"gpio","category":"hardware","status":"pass","detail":"all lines held","hint":null,"durationMs":0}""", checks[0]!.ToJsonString());
        Assert.Equal("""{"name":"clock","category":"system","status":"warn","detail":"cannot tell","hint":"enable timesyncd","durationMs":0}""", checks[1]!.ToJsonString());
    }

    [Fact]
    public void Worst_MixedResults_KeepsTheWorstWithTheirHints()
    {
        var r = CheckResult.Worst([CheckResult.Pass("a"), CheckResult.Warn("b", "hb"), CheckResult.Fail("c", "hc"), CheckResult.Fail("d", "hd")], "all good");

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("c; d", r.Detail);
        Assert.Equal("hc hd", r.Hint);
        Assert.Equal(CheckResult.Pass("all good"), CheckResult.Worst([CheckResult.Pass("a")], "all good"));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        var runner = new DiagnosticsRunner([FakeCheck.Hanging("hang")], Timeout, "k", _time);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

}
