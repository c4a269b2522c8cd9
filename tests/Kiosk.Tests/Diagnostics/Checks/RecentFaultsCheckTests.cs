using Kiosk.Contract.Events;
using System.Text.Json.Nodes;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class RecentFaultsCheckTests
{
    [Fact]
    public async Task RunAsync_NoFaults_Passes()
    {
        using var kiosk = new TestKiosk();
        kiosk.Journal.Append(new DoorOpened("rest", "scan"));

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("no fault events in the last 24 h", r.Detail);
    }

    [Fact]
    public async Task RunAsync_FaultsInWindow_WarnsWithCounts()
    {
        using var kiosk = new TestKiosk();
        kiosk.Journal.Append(new DoorForcedOpen("rest"));
        kiosk.Journal.Append(new PowerTrip("outlet", 2500, 2000, "overload"));
        kiosk.Journal.Append(new PowerTrip("outlet", 2600, 2000, "overload"));
        kiosk.Journal.Append(new PowerSensorFault("heater", "heater", "no_answer", "off"));

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("in the last 24 h: door.forced_open (rest) x1, power.sensor_fault (heater) x1, power.trip (outlet) x2", r.Detail);
        Assert.Contains("kioskctl events", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FaultOlderThanWindow_Passes()
    {
        using var kiosk = new TestKiosk();
        kiosk.Journal.Append(new PowerLockout("outlet", 3, 900));
        kiosk.Time.Advance(TimeSpan.FromHours(25));

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
    }

    private static RecentFaultsCheck Check(TestKiosk kiosk) => new(kiosk.Journal, Options.Create(new DiagnosticsOptions()), kiosk.Time);
}
