using Kiosk.Edge.Configuration;
using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Health;

public sealed class HealthCheckServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("health-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly StateBoard _board = new();

    [Fact]
    public void Check_StateDirectoryWritable_StorageOkAndNoProbeLeft()
    {
        var service = Service(_dir);

        service.Check();

        Assert.True(_board.Get("health")!["checks"]!["storage"]!["ok"]!.GetValue<bool>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void Check_StateDirectoryMissing_StorageFailsWithReason()
    {
        var service = Service(Path.Combine(_dir, "gone", "deeper"));

        var snapshot = service.Check();

        Assert.Contains(HealthMonitor.Storage, snapshot.Failing);
        Assert.Contains("DirectoryNotFoundException", _board.Get("health")!["checks"]!["storage"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private HealthCheckService Service(string stateDirectory)
    {
        var options = Options.Create(new HealthOptions());
        return new HealthCheckService(
            new HealthMonitor(_time, _board, options),
            options,
            Options.Create(new KioskOptions { StateDirectory = stateDirectory }),
            _time,
            NullLogger<HealthCheckService>.Instance);
    }
}
