using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Configuration;

public sealed class GcSettingsLogTests
{
    [Fact]
    public async Task StartAsync_Always_LogsTheHardLimitTheRuntimeApplied()
    {
        var logger = new FakeLogger<GcSettingsLog>();

        await new GcSettingsLog(logger).StartAsync(TestContext.Current.CancellationToken);

        var applied = Convert.ToString(GC.GetConfigurationVariables()["GCHeapHardLimit"], System.Globalization.CultureInfo.InvariantCulture);
        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Contains($"heap hard limit {applied} bytes", record.Message, StringComparison.Ordinal);
        Assert.StartsWith("GC: server ", record.Message, StringComparison.Ordinal);
    }
}
