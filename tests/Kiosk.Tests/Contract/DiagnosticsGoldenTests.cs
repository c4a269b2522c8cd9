using System.Text.Json.Nodes;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Diagnostics.Control;
using Kiosk.Tests.Diagnostics;
using Kiosk.Tests.Diagnostics.Control;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Contract;

/// <summary>Diagnostics and maintenance events, the <c>maintenance</c> state section and the diag reply.</summary>
public sealed class DiagnosticsGoldenTests : IDisposable
{
    private readonly TestKiosk _kiosk = new();
    private readonly MaintenanceMode _mode;

    public DiagnosticsGoldenTests()
    {
        _mode = new MaintenanceMode(_kiosk.Journal, _kiosk.State, _kiosk.Time, Options.Create(new MaintenanceOptions()));
    }

    [Fact]
    public async Task Events_MaintenanceAndActuation_MatchGolden()
    {
        var pulse = TimeSpan.FromSeconds(1);
        var actuate = new ActuateOperation(
            [new LockActuator(_kiosk.Doors, _kiosk.Board, Options.Create(new DiagnosticsOptions { ActuatePulse = pulse }), _kiosk.Time)], _mode, _kiosk.Journal);
        GoldenFile.Match("state/maintenance-off", _kiosk.State.Get("maintenance")!.ToJsonString());
        _mode.Enter("manual", null);
        GoldenFile.Match("state/maintenance", _kiosk.State.Get("maintenance")!.ToJsonString());
        var run = actuate.ExecuteAsync(new JsonObject { ["target"] = "lock", ["door"] = "rest" }, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask();
        _kiosk.Time.Advance(pulse);
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        _mode.Exit("remote", "op-1");

        var events = _kiosk.Journal.ReadAfter(0, 100);
        GoldenFile.MatchEvent("maintenance.on", Assert.Single(events, e => e.Type == "maintenance.on"));
        GoldenFile.MatchEvent("diag.actuated", Assert.Single(events, e => e.Type == "diag.actuated"));
        GoldenFile.MatchEvent("maintenance.off", Assert.Single(events, e => e.Type == "maintenance.off"));
        Assert.Equal(GoldenFileText("state/maintenance-off"), _kiosk.State.Get("maintenance")!.ToJsonString());
    }

    [Fact]
    public async Task Replies_Diag_MatchGolden()
    {
        var runner = new DiagnosticsRunner(
            [
                new FakeCheck("gpio", CheckResult.Pass("all lines held")),
                new FakeCheck("clock", CheckResult.Fail("clock not synchronised (timedatectl)", "check NTP")),
                new FakeCheck("tts", CheckResult.Warn("espeak-ng slow", "look")),
            ],
            TimeSpan.FromSeconds(5),
            "tyyz-0007",
            _kiosk.Time);
        using var replies = new ReplyHarness(_kiosk.Time, [new DiagCommand(runner, _kiosk.Journal)]);

        GoldenFile.Match("replies/diag", await replies.ReplyAsync("diag", "r-diag", """{"cmd":"diag","sub":"op-1"}"""));
        GoldenFile.MatchEvent("diag.result", Assert.Single(_kiosk.Journal.ReadAfter(0, 100), e => e.Type == "diag.result"));
    }

    private static string GoldenFileText(string name) => File.ReadAllText(Path.Combine(GoldenFile.Folder, name + ".json")).TrimEnd('\n');

    public void Dispose()
    {
        _mode.Dispose();
        _kiosk.Dispose();
    }
}
