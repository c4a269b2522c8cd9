using System.Runtime.InteropServices;
using Kiosk.Edge.Health;
using Kiosk.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Security;

/// <summary>
/// Reloads the trust store without a restart, for an issuer key rotation (docs/operations.md): on SIGHUP
/// (<c>systemctl reload kiosk-edge</c>) and when the trust store or a key file it names changes in the trust
/// store's folder (inotify). Either way the reload waits until no change has come for
/// <see cref="SecurityOptions.TrustStoreReloadDelay"/>, so a copy or an editor's save is read whole. A file that
/// cannot be used (unreadable, not JSON, no keys, a bad key, a mode that lets others write it) is refused: the
/// keys in force stay, and the refusal is logged, shown by the <c>trust_store</c> health entry and the
/// <c>keys</c> diagnostic check, until a good file is loaded.
/// </summary>
internal sealed partial class TrustStoreReloader(
    CurrentTrustStore current,
    IOptions<SecurityOptions> options,
    HealthMonitor health,
    TimeProvider time,
    ILogger<TrustStoreReloader> logger) : BackgroundService
{
    /// <summary>The health entry (state section <c>health</c>, <c>checks</c>).</summary>
    public const string HealthCheckName = "trust_store";

    /// <summary>Released by a request; at most one pending, as one reload covers every request before it.</summary>
    private readonly SemaphoreSlim _requested = new(0, 1);
    private long _lastRequestTicks;
    private PosixSignalRegistration? _hangUp;
    private FileSystemWatcher? _watcher;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        health.Report(HealthCheckName, ok: true, Describe(current.Store));
        // ConfigurationReloader handles SIGHUP too; every registration runs. Cancel: the default action terminates.
        _hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            LogSignalled();
            RequestReload();
        });
        _watcher = Watch(Path.GetDirectoryName(current.Path)!);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Asks for a reload; the loop reads the files once no request has come for the reload delay.</summary>
    public void RequestReload()
    {
        // The time first: a loop that sees the release also sees the time.
        Interlocked.Exchange(ref _lastRequestTicks, time.GetUtcNow().UtcTicks);
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            // A request is already pending; it covers this one.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// One iteration: waits for a request, then until no request has come for the reload delay (each one restarts
    /// the wait), then reloads. Returns whether new keys are in force.
    /// </summary>
    internal async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        await _requested.WaitAsync(cancellationToken).ConfigureAwait(false);
        var delay = options.Value.TrustStoreReloadDelay;
        while (true)
        {
            // Requests before this point are covered by the reload below; later ones leave a release for the next step.
            _requested.Wait(0, CancellationToken.None);
            var quiet = time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _lastRequestTicks), TimeSpan.Zero);
            if (quiet >= delay)
            {
                break;
            }

            await Task.Delay(delay - quiet, time, cancellationToken).ConfigureAwait(false);
        }

        return Reload();
    }

    /// <summary>Reads the trust store file now: puts its keys in force, or refuses it and keeps the keys in force.</summary>
    internal bool Reload()
    {
        var now = time.GetUtcNow();
        var before = current.Store;
        TrustStore next;
        try
        {
            next = TrustStoreFile.Load(current.Path);
        }
        catch (TrustStoreException e)
        {
            current.Refuse(e.Message, now);
            LogRefused(e.Message, before.Keys.Count, Kids(before));
            health.Report(HealthCheckName, ok: false, $"reload refused ({e.Message}); the previous {before.Keys.Count} keys stay in force");
            return false;
        }

        current.Replace(next, now);
        var added = next.Keys.Select(k => k.Kid).Except(before.Keys.Select(k => k.Kid), StringComparer.Ordinal);
        var removed = before.Keys.Select(k => k.Kid).Except(next.Keys.Select(k => k.Kid), StringComparer.Ordinal);
        LogReloaded(next.Keys.Count, Kids(next), List(added), List(removed));
        TrustStoreLog.WarnExpiring(logger, next, now);
        health.Report(HealthCheckName, ok: true, Describe(next));
        return true;
    }

    public override void Dispose()
    {
        _hangUp?.Dispose();
        _watcher?.Dispose();
        _requested.Dispose();
        base.Dispose();
    }

    private FileSystemWatcher? Watch(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes,
            };
            watcher.Changed += (_, e) => OnFileEvent(e.FullPath);
            watcher.Created += (_, e) => OnFileEvent(e.FullPath);
            watcher.Deleted += (_, e) => OnFileEvent(e.FullPath);
            watcher.Renamed += (_, e) => OnFileEvent(e.FullPath, e.OldFullPath);
            watcher.Error += (_, e) => LogWatchFailed(folder, e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // E.g. the inotify instance limit: SIGHUP still reloads.
            LogWatchFailed(folder, e.Message);
            return null;
        }
    }

    /// <summary>
    /// A change in the folder matters when it touches a file the keys in force were read from (a rename onto the
    /// trust store counts), or any file while the last reload was refused (a key file it named may just have come).
    /// </summary>
    private void OnFileEvent(string path, string? oldPath = null)
    {
        var files = current.Store.SourceFiles;
        if (current.Refusal is not null || path == current.Path || files.Contains(path) || (oldPath is not null && files.Contains(oldPath)))
        {
            RequestReload();
        }
    }

    private static string Describe(TrustStore store) => $"{store.Keys.Count} keys: {Kids(store)}";

    private static string Kids(TrustStore store) => List(store.Keys.Select(k => k.Kid));

    private static string List(IEnumerable<string> kids) => kids.Any() ? string.Join(", ", kids) : "none";

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHUP: the trust store will be read again")]
    private partial void LogSignalled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Trust store reloaded: {Count} keys in force ({Kids}); added {Added}; removed {Removed}")]
    private partial void LogReloaded(int count, string kids, string added, string removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trust store reload refused, nothing changed: {Reason}. The previous {Count} keys stay in force ({Kids}); fix the file, the next change or `systemctl reload kiosk-edge` reads it again")]
    private partial void LogRefused(string reason, int count, string kids);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder} for trust store changes ({Reason}); reload it with `systemctl reload kiosk-edge`")]
    private partial void LogWatchFailed(string folder, string reason);
}
