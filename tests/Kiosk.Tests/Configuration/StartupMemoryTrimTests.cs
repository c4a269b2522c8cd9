using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Configuration;

public sealed class StartupMemoryTrimTests
{
    [Fact]
    public async Task ApplicationStarted_AfterStart_RunsOneFullCollection()
    {
        var lifetime = new StartedLifetime();
        using var trim = new StartupMemoryTrim(lifetime, new FakeTimeProvider(), new FakeLogger<StartupMemoryTrim>());
        await trim.StartAsync(TestContext.Current.CancellationToken);
        var before = GC.CollectionCount(2);

        lifetime.Start();

        Assert.True(GC.CollectionCount(2) > before);
        await trim.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SettleTime_Elapsed_ReleasesStartUpPagesOnceAndLogs()
    {
        var lifetime = new StartedLifetime();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<StartupMemoryTrim>();
        using var trim = new StartupMemoryTrim(lifetime, time, logger);
        await trim.StartAsync(TestContext.Current.CancellationToken);
        lifetime.Start();

        time.Advance(StartupMemoryTrim.SettleTime - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Memory: start-up pages", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(StartupMemoryTrim.SettleTime * 3);

        var released = Assert.Single(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Memory: start-up pages", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            // The test host maps its own executable and libraries: something is always released, nothing refused.
            Assert.Matches(@"^Memory: start-up pages released: [1-9]\d* read-only file mappings, \d+ kB resident before; madvise refused 0$", released.Message);
        }

        await trim.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_Always_LogsTheMallocArenaLimit()
    {
        var logger = new FakeLogger<StartupMemoryTrim>();
        using var trim = new StartupMemoryTrim(new StartedLifetime(), new FakeTimeProvider(), logger);

        await trim.StartAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("Memory: malloc arena limit 1 applied ", logger.LatestRecord.Message, StringComparison.Ordinal);
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
