using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Control;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Control;

public sealed class MaintenanceOperationTests : IDisposable
{
    private readonly TestKiosk _kiosk = new();
    private readonly MaintenanceMode _mode;
    private readonly MaintenanceOperation _operation;

    public MaintenanceOperationTests()
    {
        _mode = new MaintenanceMode(_kiosk.Journal, _kiosk.State, _kiosk.Time, Options.Create(new MaintenanceOptions()));
        _operation = new MaintenanceOperation(_mode, _kiosk.State);
    }

    [Fact]
    public async Task On_NonRootPeer_RefusedAndModeStaysOff()
    {
        var e = await Assert.ThrowsAsync<ControlException>(() => _operation.ExecuteAsync(new JsonObject { ["action"] = "on" }, Session(1000), TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("needs local root (uid 0); this caller is uid 1000", e.Message, StringComparison.Ordinal);
        Assert.False(_mode.IsActive);
        Assert.DoesNotContain(_kiosk.Journal.ReadAfter(0, 100), x => x.Type == "maintenance.on");
    }

    [Fact]
    public async Task On_UnknownPeer_Refused()
    {
        await Assert.ThrowsAsync<ControlException>(() => _operation.ExecuteAsync(new JsonObject { ["action"] = "on" }, Session(null), TestContext.Current.CancellationToken).AsTask());
        Assert.False(_mode.IsActive);
    }

    [Fact]
    public async Task On_Root_EntersAndRecordsViaManual()
    {
        var result = await _operation.ExecuteAsync(new JsonObject { ["action"] = "on" }, Session(0), TestContext.Current.CancellationToken);

        Assert.True(_mode.IsActive);
        Assert.True(result!["active"]!.GetValue<bool>());
        Assert.Equal("manual", result["via"]!.GetValue<string>());
        var e = _kiosk.Journal.ReadAfter(0, 100).Single(x => x.Type == "maintenance.on");
        Assert.Equal("manual", e.Fields["via"]!.GetValue<string>());
    }

    [Fact]
    public async Task Off_NonRootPeer_Allowed()
    {
        _mode.Enter("manual", null);

        var result = await _operation.ExecuteAsync(new JsonObject { ["action"] = "off" }, Session(1000), TestContext.Current.CancellationToken);

        Assert.False(_mode.IsActive);
        Assert.False(result!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Status_NoAction_ReportsState()
    {
        var result = await _operation.ExecuteAsync([], Session(1000), TestContext.Current.CancellationToken);
        Assert.False(result!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BadAction_Refused()
    {
        await Assert.ThrowsAsync<ControlException>(() => _operation.ExecuteAsync(new JsonObject { ["action"] = "maybe" }, Session(0), TestContext.Current.CancellationToken).AsTask());
    }

    internal static ControlSession Session(int? uid) => new(Stream.Null, uid);

    public void Dispose()
    {
        _mode.Dispose();
        _kiosk.Dispose();
    }
}
