using Kiosk.Edge.Configuration;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class DiskCheckTests
{
    private const long Mb = 1024 * 1024;

    [Theory]
    [InlineData(20_000, 30_000, CheckStatus.Pass)]
    [InlineData(400, 30_000, CheckStatus.Warn)]
    [InlineData(600, 30_000, CheckStatus.Warn)]
    [InlineData(600, 1_000, CheckStatus.Pass)]
    [InlineData(40, 30_000, CheckStatus.Fail)]
    public async Task RunAsync_FreeSpace_GivesStatus(long freeMb, long totalMb, CheckStatus expected)
    {
        var r = await Check(new FakeDisk(freeMb * Mb, totalMb * Mb)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, r.Status);
        Assert.StartsWith($"/var/lib/kiosk-edge: {freeMb} MB free of {totalMb} MB", r.Detail, StringComparison.Ordinal);
        if (expected != CheckStatus.Pass)
        {
            Assert.Contains("journalctl --vacuum-size", r.Hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_StateDirectoryMissing_Fails()
    {
        var r = await Check(new FakeDisk(0, 0) { Throws = true }).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("Kiosk:StateDirectory", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemDiskSpace_TempDirectory_ReportsSomething()
    {
        var (free, total) = new SystemDiskSpace().Query(Path.GetTempPath());
        Assert.InRange(free, 0, total);
        Assert.True(total > 0);
    }

    private static DiskCheck Check(DiskSpace disk) => new(
        disk,
        Options.Create(new KioskOptions { StateDirectory = "/var/lib/kiosk-edge" }),
        Options.Create(new DiagnosticsOptions()));

    private sealed class FakeDisk(long free, long total) : DiskSpace
    {
        public bool Throws { get; init; }

        public override (long FreeBytes, long TotalBytes) Query(string path) =>
            Throws ? throw new DirectoryNotFoundException($"Could not find a part of the path '{path}'.") : (free, total);
    }
}
