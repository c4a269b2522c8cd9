using System.Threading.Channels;
using Kiosk.Edge.Access;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// Texts read by the QR scanner (real serial or simulated), waiting for the access decision.
/// Bounded, so a scanner that floods the line cannot exhaust memory: the oldest scan is dropped
/// (and whoever waits for its decision is told so).
/// </summary>
internal sealed class ScanQueue
{
    private readonly Channel<ScanRequest> _channel = Channel.CreateBounded<ScanRequest>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => dropped.Decided?.TrySetResult(null));

    public ChannelReader<ScanRequest> Reader => _channel.Reader;

    /// <summary>Queues a scan nobody waits for (the serial scanner).</summary>
    public bool TryWrite(string scanned) => _channel.Writer.TryWrite(new ScanRequest(scanned, null));

    /// <summary>
    /// Queues a scan and returns its decision once the access decision ran on it in turn; null when
    /// the scan was dropped unread because the queue overflowed.
    /// </summary>
    public Task<AccessDecision?> SubmitAsync(string scanned)
    {
        var decided = new TaskCompletionSource<AccessDecision?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_channel.Writer.TryWrite(new ScanRequest(scanned, decided)))
        {
            decided.TrySetResult(null);
        }

        return decided.Task;
    }
}
