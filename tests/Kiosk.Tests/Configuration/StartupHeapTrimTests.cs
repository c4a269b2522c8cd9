using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Tests.Configuration;

public sealed class StartupHeapTrimTests
{
    [Fact]
    public async Task ApplicationStarted_AfterStart_RunsOneFullCollection()
    {
        var lifetime = new StartedLifetime();
        var trim = new StartupHeapTrim(lifetime);
        await trim.StartAsync(TestContext.Current.CancellationToken);
        var before = GC.CollectionCount(2);

        lifetime.Start();

        Assert.True(GC.CollectionCount(2) > before);
        await trim.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }
}
