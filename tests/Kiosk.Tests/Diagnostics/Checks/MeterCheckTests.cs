using Kiosk.Contract.State;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Tests.Power;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class MeterCheckTests
{
    [Fact]
    public async Task RunAsync_MetersAnswer_PassesWithWatts()
    {
        using var rig = new PowerRig();
        rig.Add("outlet", limit: 500).Watts = 60;
        rig.Add("heater", limit: 2200).Watts = 1800;
        rig.Build();
        rig.Sample();

        var r = await new MeterCheck(rig.Guard).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("heater on 1800 W, outlet on 60 W", r.Detail);
    }

    [Fact]
    public async Task RunAsync_MeterStopsAnswering_FailsNoAnswer()
    {
        using var rig = new PowerRig();
        rig.Add("outlet", limit: 500).Failure = new IOException("I2C NACK");
        rig.Add("heater", limit: 2200).Watts = 1800;
        rig.Build();
        rig.Sample();

        var r = await new MeterCheck(rig.Guard).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("outlet: meter fault no_answer", r.Detail);
        Assert.Contains("i2cdetect", r.Hint, StringComparison.Ordinal);
        Assert.Contains("kioskctl power reset --circuit outlet", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReadsPowerWithRelayOff_WarnsWeldedRelay()
    {
        var check = new MeterCheck(() => [("heater", new CircuitState(false, 1750, 0, 2000, false, false, false, null, null))]);

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("heater: meter reads 1750 W with the relay off", r.Detail);
        Assert.Contains("--actuate circuit --circuit heater", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImplausibleValue_Fails()
    {
        var check = new MeterCheck(() => [("aircon", new CircuitState(true, 0, 0, 2000, false, false, false, "out_of_range", null))]);

        var r = await check.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("implausible", r.Hint, StringComparison.Ordinal);
    }
}
