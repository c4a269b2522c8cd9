using System.Text;

namespace Kiosk.Edge.Hardware.Scanner;

/// <summary>
/// Splits a scanner's byte stream into scans: a line ends at CR or LF (so CRLF works), empty lines
/// are skipped, and a line longer than the limit is discarded whole, reported by its length only.
/// </summary>
internal sealed class ScanLineReader
{
    /// <summary>A 4096-byte pass (contract limit) plus 512 bytes for a URL that carries it.</summary>
    public const int DefaultMaxLineBytes = 4096 + 512;

    private readonly byte[] _line;
    private int _length;
    private int _discarded;

    public ScanLineReader(int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _line = new byte[maxLineBytes];
    }

    /// <summary>Feeds received bytes; calls <paramref name="line"/> per complete scan and <paramref name="discarded"/> with the length of each over-long one.</summary>
    public void Feed(ReadOnlySpan<byte> data, Action<string> line, Action<int> discarded)
    {
        foreach (var b in data)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_discarded > 0)
                {
                    discarded(_discarded);
                }
                else if (_length > 0)
                {
                    var text = Encoding.UTF8.GetString(_line, 0, _length).Trim();
                    if (text.Length > 0)
                    {
                        line(text);
                    }
                }

                _length = 0;
                _discarded = 0;
            }
            else if (_discarded > 0)
            {
                _discarded++;
            }
            else if (_length == _line.Length)
            {
                _discarded = _length + 1;
                _length = 0;
            }
            else
            {
                _line[_length++] = b;
            }
        }
    }

    /// <summary>Reads the stream to its end (the device went away) or cancellation; a partial last line is dropped.</summary>
    public async Task ReadAsync(Stream stream, Action<string> line, Action<int> discarded, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                _length = 0;
                _discarded = 0;
                return;
            }

            Feed(buffer.AsSpan(0, n), line, discarded);
        }
    }
}
