using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Security;

/// <summary>
/// Once a minute, off the scan path: deletes the jtis of tokens that can no longer be valid from the
/// <see cref="ReplayStore"/> and checkpoints its WAL. Both used to run inside the scan that came a minute
/// after the last prune, which then waited for two or three syncs instead of one before the door opened.
/// </summary>
internal sealed partial class ReplayPruner(ReplayStore replays, TimeProvider time, ILogger<ReplayPruner> logger) : BackgroundService
{
    /// <summary>How often the store is pruned and checkpointed.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Step();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: prune, then checkpoint. A database error is logged and retried next round: the scans go on.</summary>
    internal void Step()
    {
        try
        {
            var pruned = replays.Prune();
            var left = replays.Checkpoint();
            LogPruned(pruned, left);
        }
        catch (SqliteException e)
        {
            LogFailed(e.SqliteErrorCode, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replay store: {Pruned} expired jtis pruned, {Left} WAL frames left after the checkpoint")]
    private partial void LogPruned(int pruned, long left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay store: prune or checkpoint failed (SQLite error {Code}: {Error}); retried in a minute")]
    private partial void LogFailed(int code, string error);
}
