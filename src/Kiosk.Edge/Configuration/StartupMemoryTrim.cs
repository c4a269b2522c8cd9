using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// Gives back what only the start needed, in two steps. Measured in docs/deployment.md ("Memory of the
/// Native AOT build").
/// <list type="number">
/// <item>When the host has started (READY=1 sent): one aggressive, compacting full collection
/// (<see cref="GCCollectionMode.Aggressive"/>). It frees the start's garbage (configuration binding, the
/// service container's call sites, JSON metadata) and returns the emptied GC regions to the OS, which the
/// GC otherwise keeps committed.</item>
/// <item><see cref="SettleTime"/> later, when the first connections, samples and publications have run:
/// the same collection again, then <see cref="MappedFilePages.Release"/> unmaps the read-only file pages
/// (start-up code and constants), so that only what the running kiosk touches comes back.</item>
/// </list>
/// Each step is a blocking collection of a few-megabyte heap and one pass over /proc/self/smaps, once.
/// </summary>
internal sealed partial class StartupMemoryTrim(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupMemoryTrim> logger)
    : IHostedService, IDisposable
{
    /// <summary>From READY=1 to the second step.</summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    /// <summary>glibc malloc arenas for the whole process (mallopt M_ARENA_MAX), set by Program before the
    /// host starts. A door controller has little allocation concurrency; one arena per thread that allocates
    /// cost about 1.3 MB after 1,000 scans.</summary>
    internal const int MallocArenaLimit = 1;

    /// <summary>Whether Program applied <see cref="MallocArenaLimit"/> (logged at start).</summary>
    internal static bool MallocArenaLimitApplied { get; set; }

    private CancellationTokenRegistration _registration;
    private ITimer? _settled;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogArenas(MallocArenaLimit, MallocArenaLimitApplied);
        _registration = lifetime.ApplicationStarted.Register(OnStarted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _registration.Dispose();
        _settled?.Dispose();
    }

    /// <summary>The first step, and the timer for the second.</summary>
    internal void OnStarted()
    {
        CollectHeap();
        _settled = time.CreateTimer(_ => Settle(), null, SettleTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The second step.</summary>
    internal void Settle()
    {
        CollectHeap();
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            var release = MappedFilePages.Release();
            LogReleased(release.Mappings, release.ResidentKb, release.Refused);
        }
        catch (IOException e)
        {
            // No /proc (a container without it): nothing is released and the kiosk runs as before.
            LogNotReleased(e.Message);
        }
    }

    private static void CollectHeap() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Memory: malloc arena limit {Limit} applied {Applied}")]
    private partial void LogArenas(int limit, bool applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Memory: start-up pages released: {Mappings} read-only file mappings, {ResidentKb} kB resident before; madvise refused {Refused}")]
    private partial void LogReleased(int mappings, long residentKb, int refused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Memory: start-up pages not released: {Reason}")]
    private partial void LogNotReleased(string reason);
}
