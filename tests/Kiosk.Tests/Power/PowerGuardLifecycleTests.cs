namespace Kiosk.Tests.Power;

/// <summary>The guard as the host runs it: its sampling loop on the (fake) clock, stopped or disposed.</summary>
public sealed class PowerGuardLifecycleTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly PowerRig _rig = new();
    private readonly FakeMeter _meter;

    public PowerGuardLifecycleTests()
    {
        _meter = _rig.Add("outlet", limit: 1000);
        _rig.Build();
    }

    [Fact]
    public async Task StartAsync_Running_SamplesAtOnceThenEverySamplePeriod()
    {
        await _rig.Guard.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntil(() => _meter.Reads == 1);

        _rig.Time.Advance(_rig.Options.SamplePeriod);

        await WaitUntil(() => _meter.Reads == 2);
        await _rig.Guard.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StopAsync_Running_TheLoopHasEnded()
    {
        await _rig.Guard.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntil(() => _meter.Reads == 1);

        await _rig.Guard.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(_rig.Guard.ExecuteTask!.IsCompletedSuccessfully);
        _rig.Time.Advance(_rig.Options.SamplePeriod * 4);
        Assert.Equal(1, _meter.Reads);
    }

    [Fact]
    public async Task Dispose_Running_LoopEndsAndMetersDisposed()
    {
        await _rig.Guard.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntil(() => _meter.Reads == 1);

        _rig.Guard.Dispose();

        Assert.True(_meter.Disposed);
        await WaitUntil(() => _rig.Guard.ExecuteTask!.IsCompleted);
    }

    public void Dispose() => _rig.Dispose();

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
