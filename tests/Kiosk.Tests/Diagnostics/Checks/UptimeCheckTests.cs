using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class UptimeCheckTests
{
    [Fact]
    public async Task RunAsync_ProcUptime_ReportsServiceAndSystem()
    {
        using var kiosk = new TestKiosk();
        var uptime = Path.Combine(kiosk.Directory, "uptime");
        await File.WriteAllTextAsync(uptime, "183845.12 350000.00\n", TestContext.Current.CancellationToken);
        var start = new ServiceStart(kiosk.Time);
        kiosk.Time.Advance(TimeSpan.FromMinutes(125));

        var r = await new UptimeCheck(start, kiosk.Journal, Options.Create(new DiagnosticsOptions { UptimePath = uptime }), kiosk.Time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("service up 2 h 05 min (start 1 on this state directory); system up 2 d 3 h 04 min", r.Detail);
    }

    [Fact]
    public async Task RunAsync_UptimeUnreadable_Warns()
    {
        using var kiosk = new TestKiosk();
        var r = await new UptimeCheck(new ServiceStart(kiosk.Time), kiosk.Journal, Options.Create(new DiagnosticsOptions { UptimePath = "/nonexistent/uptime" }), kiosk.Time)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Contains("system uptime unknown", r.Detail, StringComparison.Ordinal);
    }
}
