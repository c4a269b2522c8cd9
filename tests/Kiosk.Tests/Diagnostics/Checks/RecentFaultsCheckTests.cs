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
        kiosk.Journal.Append("door.opened", new JsonObject { ["door"] = "rest", ["via"] = "scan" });

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("no fault events in the last 24 h", r.Detail);
    }

    [Fact]
    public async Task RunAsync_FaultsInWindow_WarnsWithCounts()
    {
        using var kiosk = new TestKiosk();
        kiosk.Journal.Append("door.forced_open", new JsonObject { ["door"] = "rest" });
        kiosk.Journal.Append("power.trip", new JsonObject { ["circuit"] = "outlet", ["watts"] = 2500, ["limit"] = 2000 });
        kiosk.Journal.Append("power.trip", new JsonObject { ["circuit"] = "outlet", ["watts"] = 2600, ["limit"] = 2000 });
        kiosk.Journal.Append("power.sensor_fault", new JsonObject { ["circuit"] = "heater" });

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("in the last 24 h: door.forced_open (rest) x1, power.sensor_fault (heater) x1, power.trip (outlet) x2", r.Detail);
        Assert.Contains("kioskctl events", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FaultOlderThanWindow_Passes()
    {
        using var kiosk = new TestKiosk();
        kiosk.Journal.Append("power.lockout", new JsonObject { ["circuit"] = "outlet" });
        kiosk.Time.Advance(TimeSpan.FromHours(25));

        var r = await Check(kiosk).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
    }

    private static RecentFaultsCheck Check(TestKiosk kiosk) => new(kiosk.Journal, Options.Create(new DiagnosticsOptions()), kiosk.Time);
}
