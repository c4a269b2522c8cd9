using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Health;

/// <summary>
/// Every <c>Health:CheckInterval</c>: proves the state directory takes a durable write (an SD card
/// that went read-only fails here before the event journal loses anything) and refreshes the
/// <c>health</c> state section, so a loop that goes silent shows up without anyone asking.
/// </summary>
internal sealed partial class HealthCheckService(
    HealthMonitor health,
    IOptions<HealthOptions> options,
    IOptions<KioskOptions> kiosk,
    TimeProvider time,
    ILogger<HealthCheckService> logger) : BackgroundService
{
    private const string ProbeFile = ".health-probe";
    private bool? _storageOk;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            Check();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One step: probe storage, then evaluate and publish.</summary>
    internal HealthSnapshot Check()
    {
        var (ok, detail) = ProbeStorage(Path.Combine(kiosk.Value.StateDirectory, ProbeFile));
        if (ok != _storageOk)
        {
            _storageOk = ok;
            if (!ok)
            {
                LogStorageFailed(kiosk.Value.StateDirectory, detail!);
            }
        }

        health.Report(HealthMonitor.Storage, ok, detail);
        return health.Evaluate();
    }

    private static (bool Ok, string? Detail) ProbeStorage(string path)
    {
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                file.WriteByte(1);
                file.Flush(flushToDisk: true);
            }

            File.Delete(path);
            return (true, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (false, e.GetType().Name + ": " + e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "State directory {Directory} does not take writes: {Detail}")]
    private partial void LogStorageFailed(string directory, string detail);
}
