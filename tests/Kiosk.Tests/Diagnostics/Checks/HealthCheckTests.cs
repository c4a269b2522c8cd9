using Kiosk.Contract.State;
using Kiosk.Contract.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.State;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task RunAsync_LiveAndReady_Passes()
    {
        var r = await Check("""{"live":true,"ready":true,"checks":{"doors":{"ok":true},"storage":{"ok":true}}}""");

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("live yes, ready yes", r.Detail);
    }

    [Fact]
    public async Task RunAsync_BrokerDownNotReady_WarnsNamingIt()
    {
        var r = await Check("""{"live":true,"ready":false,"checks":{"doors":{"ok":true},"broker":{"ok":false,"detail":"not connected"}}}""");

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("live yes, ready no; not ok: broker (not connected)", r.Detail);
    }

    [Fact]
    public async Task RunAsync_LoopStopped_Fails()
    {
        var r = await Check("""{"live":false,"ready":false,"checks":{"doors":{"ok":false,"detail":"no beat within 00:00:10"}}}""");

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("doors (no beat within 00:00:10)", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoReport_Warns()
    {
        var r = await new HealthCheck(new StateBoard()).RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(CheckStatus.Warn, r.Status);
    }

    private static async Task<CheckResult> Check(string health)
    {
        var state = new StateBoard();
        state.Set(StateSections.Health, JsonSerializer.Deserialize(health, ContractJsonContext.Default.HealthState)!, ContractJsonContext.Default.HealthState);
        return await new HealthCheck(state).RunAsync(TestContext.Current.CancellationToken);
    }
}
