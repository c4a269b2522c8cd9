using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Diagnostics.Control;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Control;

public sealed class ActuateOperationTests : IDisposable
{
    private static readonly TimeSpan Pulse = TimeSpan.FromSeconds(1);
    private readonly TestKiosk _kiosk = new();
    private readonly MaintenanceMode _mode;
    private readonly ActuateOperation _operation;

    public ActuateOperationTests()
    {
        _mode = new MaintenanceMode(_kiosk.Journal, _kiosk.State, _kiosk.Time, Options.Create(new MaintenanceOptions()));
        var lockTest = new LockActuator(_kiosk.Doors, _kiosk.Board, Options.Create(new DiagnosticsOptions { ActuatePulse = Pulse }), _kiosk.Time);
        _operation = new ActuateOperation([lockTest], _mode, _kiosk.Journal);
    }

    [Fact]
    public async Task Lock_OutsideMaintenance_RefusedAndNothingMoves()
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["target"] = "lock", ["door"] = "rest" }));

        Assert.StartsWith("refused: tests that move hardware need maintenance mode", e.Message, StringComparison.Ordinal);
        Assert.True(_kiosk.Door("rest").IsLocked);
        Assert.DoesNotContain(_kiosk.Journal.ReadAfter(0, 100), x => x.Type is "door.opened" or "diag.actuated");
    }

    [Fact]
    public async Task Lock_AfterMaintenanceExpired_Refused()
    {
        _mode.Enter("scan", "maint-1");
        _kiosk.Time.Advance(TimeSpan.FromHours(2));

        await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["target"] = "lock" }));
    }

    [Fact]
    public async Task Lock_InMaintenance_ReleasesReadsBackAndRelocks()
    {
        _mode.Enter("manual", null);

        var run = Run(new JsonObject { ["target"] = "lock", ["door"] = "rest" });
        Assert.False(_kiosk.Door("rest").IsLocked);
        _kiosk.Time.Advance(Pulse);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Fail-secure, active-high relay: energised (high) releases.
        Assert.Equal("""{"door":"rest","pin":17,"released":{"lock":"unlocked","line":"high"},"relocked":{"lock":"locked","line":"low"},"lineBefore":"low","relayMoved":true,"contact":{"before":"closed","during":"closed","after":"closed","changed":false}}""", result!.ToJsonString());
        Assert.True(_kiosk.Door("rest").IsLocked);
        var opened = _kiosk.Journal.ReadAfter(0, 100).Single(x => x.Type == "door.opened");
        Assert.Equal("manual", opened.Fields["via"]!.GetValue<string>());
        var actuated = _kiosk.Journal.ReadAfter(0, 100).Single(x => x.Type == "diag.actuated");
        Assert.Equal("""{"target":"lock","via":"manual","door":"rest"}""", actuated.Fields.ToJsonString());
    }

    [Fact]
    public async Task Lock_DoorPushedDuringTest_ReportsContactChanged()
    {
        _mode.Enter("manual", null);

        var run = Run(new JsonObject { ["target"] = "lock", ["door"] = "life" });
        _kiosk.MoveDoor("life", open: true);
        _kiosk.Time.Advance(Pulse);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result!["contact"]!["changed"]!.GetValue<bool>());
        Assert.Equal("open", result["contact"]!["during"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownTarget_RefusedListingTargets()
    {
        _mode.Enter("manual", null);
        var e = await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["target"] = "siren" }));
        Assert.Equal("target must be one of: lock", e.Message);
    }

    [Fact]
    public async Task Lock_UnknownDoor_RefusedNothingMoves()
    {
        _mode.Enter("manual", null);
        var e = await Assert.ThrowsAsync<ControlException>(() => Run(new JsonObject { ["target"] = "lock", ["door"] = "attic" }));
        Assert.StartsWith("unknown door 'attic'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_kiosk.Journal.ReadAfter(0, 100), x => x.Type == "door.opened");
    }

    private Task<JsonNode?> Run(JsonObject args) => _operation.ExecuteAsync(args, MaintenanceOperationTests.Session(0), TestContext.Current.CancellationToken).AsTask();

    public void Dispose()
    {
        _mode.Dispose();
        _kiosk.Dispose();
    }
}
