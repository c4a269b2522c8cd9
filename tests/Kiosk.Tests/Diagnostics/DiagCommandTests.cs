using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Diagnostics;

namespace Kiosk.Tests.Diagnostics;

public sealed class DiagCommandTests : IDisposable
{
    private readonly TestKiosk _kiosk = new();
    private readonly DiagCommand _command;

    public DiagCommandTests()
    {
        var runner = new DiagnosticsRunner(
            [
                new FakeCheck("gpio", CheckResult.Pass("all lines held")),
                new FakeCheck("clock", CheckResult.Fail("clock not synchronised (timedatectl)", "check NTP")),
                new FakeCheck("tts", CheckResult.Warn("espeak-ng slow", "look")),
            ],
            TimeSpan.FromSeconds(5),
            "test-0001",
            _kiosk.Time);
        _command = new DiagCommand(runner, _kiosk.Journal);
    }

    [Fact]
    public async Task ExecuteAsync_AllChecks_ReturnsReportAndRecordsSmallEvent()
    {
        var result = await _command.ExecuteAsync(Request("""{"cmd":"diag","sub":"op-1"}"""), TestContext.Current.CancellationToken);

        Assert.True(result.Ok);
        Assert.Equal(3, result.Result!["checks"]!.AsArray().Count);
        Assert.Equal(1, result.Result["summary"]!["fail"]!.GetValue<int>());
        var e = _kiosk.Journal.ReadAfter(0, 100).Single(x => x.Type == "diag.result");
        Assert.Equal("""{"via":"remote","summary":{"pass":1,"warn":1,"fail":1},"problems":[{"name":"clock","status":"fail","detail":"clock not synchronised (timedatectl)"},{"name":"tts","status":"warn","detail":"espeak-ng slow"}]}""", e.Fields.ToJsonString());
    }

    [Fact]
    public async Task ExecuteAsync_SelectedChecks_RunsOnlyThose()
    {
        var result = await _command.ExecuteAsync(Request("""{"checks":["gpio"]}"""), TestContext.Current.CancellationToken);

        Assert.True(result.Ok);
        Assert.Equal("gpio", Assert.Single(result.Result!["checks"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"checks":["gpio","nope"]}""")]
    [InlineData("""{"checks":"gpio"}""")]
    [InlineData("""{"checks":[1]}""")]
    [InlineData("""[]""")]
    public async Task ExecuteAsync_BadChecks_BadArgumentsAndNothingRecorded(string arguments)
    {
        var before = _kiosk.Journal.LastSeq;

        var result = await _command.ExecuteAsync(Request(arguments), TestContext.Current.CancellationToken);

        Assert.False(result.Ok);
        Assert.Equal("bad_arguments", result.Error);
        Assert.Equal(before, _kiosk.Journal.LastSeq);
    }

    [Fact]
    public void AllowedRoles_OperatorAndMaintenance()
    {
        Assert.Equal(["maintenance", "operator"], _command.AllowedRoles!.Order(StringComparer.Ordinal));
    }

    private static CommandRequest Request(string arguments) =>
        new("diag", "req-1", CommandVia.Remote, "op-1", "operator", JsonDocument.Parse(arguments).RootElement.Clone());

    public void Dispose() => _kiosk.Dispose();
}
