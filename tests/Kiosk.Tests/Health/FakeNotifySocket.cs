using System.Net.Sockets;
using System.Text;

namespace Kiosk.Tests.Health;

/// <summary>A stand-in for systemd's notification socket: a bound Unix datagram socket the test reads.</summary>
internal sealed class FakeNotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string _directory;

    public FakeNotifySocket(bool abstractName = false)
    {
        _directory = Directory.CreateTempSubdirectory("notify-").FullName;
        if (abstractName)
        {
            var name = "kiosk-test-" + Guid.NewGuid().ToString("N");
            _socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
            Path = "@" + name;
        }
        else
        {
            Path = System.IO.Path.Combine(_directory, "notify");
            _socket.Bind(new UnixDomainSocketEndPoint(Path));
        }
    }

    /// <summary>What NOTIFY_SOCKET would hold.</summary>
    public string Path { get; }

    /// <summary>Datagrams already queued (a send on a Unix datagram socket is queued when it returns).</summary>
    public int Available => _socket.Available;

    public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("no notification arrived on the fake NOTIFY_SOCKET");
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
