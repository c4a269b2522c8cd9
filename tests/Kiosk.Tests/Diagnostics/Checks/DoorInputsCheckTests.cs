using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Doors;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class DoorInputsCheckTests : IDisposable
{
    private readonly TestKiosk _kiosk = new();
    private readonly DoorActivityMonitor _monitor;
    private readonly DoorInputsCheck _check;

    public DoorInputsCheckTests()
    {
        _monitor = new DoorActivityMonitor(_kiosk.Doors, _kiosk.Journal, _kiosk.Time);
        _check = new DoorInputsCheck(_kiosk.Doors, _monitor, Options.Create(_kiosk.DoorsOptions), Options.Create(new DiagnosticsOptions { StuckContactOpenings = 3 }), _kiosk.Time);
    }

    [Fact]
    public async Task RunAsync_DoorsClosedAndLocked_PassesWithLevels()
    {
        var r = await _check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("rest: contact closed, lock locked, mode normal; life: contact closed, lock locked, mode normal", r.Detail);
    }

    [Fact]
    public async Task RunAsync_ContactMovesWithOpenings_Passes()
    {
        for (var i = 0; i < 4; i++)
        {
            _kiosk.Door("rest").Open(new DoorOpening(DoorVia.Scan, "worker-1", "worker"));
            _kiosk.MoveDoor("rest", open: true);
            _kiosk.MoveDoor("rest", open: false);
        }

        var r = await _check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
    }

    [Fact]
    public async Task RunAsync_StuckContact_WarnsStuck()
    {
        // The injected fault: the reed switch no longer follows the door.
        _kiosk.Chip.Freeze(_kiosk.Door("rest").Wiring.ContactPin, true);
        for (var i = 0; i < 3; i++)
        {
            _kiosk.Door("rest").Open(new DoorOpening(DoorVia.Scan, "worker-1", "worker"));
            _kiosk.MoveDoor("rest", open: true);
            _kiosk.Time.Advance(TimeSpan.FromSeconds(10));
            _kiosk.MoveDoor("rest", open: false);
        }

        var r = await _check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("rest: contact stayed closed while 3 openings were granted", r.Detail);
        Assert.Contains("looks stuck", r.Hint, StringComparison.Ordinal);
        Assert.Contains("--actuate lock --door rest", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ForcedOpen_WarnsAlarm()
    {
        _kiosk.MoveDoor("life", open: true);

        var r = await _check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("life: alarm forced_open", r.Detail);
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _kiosk.Dispose();
    }
}
