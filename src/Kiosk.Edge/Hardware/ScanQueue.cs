using System.Threading.Channels;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// Texts read by the QR scanner (real serial or simulated), waiting for the access decision.
/// Bounded, so a scanner that floods the line cannot exhaust memory: the oldest scan is dropped.
/// </summary>
internal sealed class ScanQueue
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<string> Reader => _channel.Reader;

    public bool TryWrite(string scanned) => _channel.Writer.TryWrite(scanned);
}
