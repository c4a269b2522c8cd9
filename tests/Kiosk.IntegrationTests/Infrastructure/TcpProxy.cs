using System.Net;
using System.Net.Sockets;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP relay between a kiosk and its broker. It counts the bytes each way (what the
/// kiosk's link would carry, above TCP/IP), can cut every connection abruptly (RST, no MQTT
/// DISCONNECT: the broker then sends the Last Will), and can refuse new connections while paused.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(TcpClient Inbound, TcpClient Outbound)> _pairs = [];
    private readonly Task _acceptLoop;
    private long _upstream;
    private long _downstream;

    public TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Kiosk to broker.</summary>
    public long BytesUp => Interlocked.Read(ref _upstream);

    /// <summary>Broker to kiosk.</summary>
    public long BytesDown => Interlocked.Read(ref _downstream);

    public long BytesTotal => BytesUp + BytesDown;

    /// <summary>While paused, new connections are closed at once (the broker looks unreachable).</summary>
    public bool Paused { get; set; }

    /// <summary>Waits until no byte has crossed for <c>quiet</c> (default 300 ms): the exchange in flight is complete.</summary>
    public async Task<long> QuiesceAsync(TimeSpan? quiet = null)
    {
        var window = quiet ?? TimeSpan.FromMilliseconds(300);
        var last = BytesTotal;
        var stableSince = DateTimeOffset.UtcNow;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (DateTimeOffset.UtcNow - stableSince < window)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), cts.Token);
            var now = BytesTotal;
            if (now != last)
            {
                last = now;
                stableSince = DateTimeOffset.UtcNow;
            }
        }

        return last;
    }

    /// <summary>Resets every relayed connection, as a dropped cellular link would.</summary>
    public void CutAll()
    {
        lock (_gate)
        {
            foreach (var (inbound, outbound) in _pairs)
            {
                Reset(inbound);
                Reset(outbound);
            }

            _pairs.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
        }

        client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (Paused)
            {
                Reset(inbound);
                continue;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (SocketException)
            {
                Reset(inbound);
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _pairs.Add((inbound, outbound));
            }

            _ = PumpAsync(inbound, outbound, up: true);
            _ = PumpAsync(outbound, inbound, up: false);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool up)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var sink = to.GetStream();
            while (true)
            {
                var n = await source.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    break;
                }

                Interlocked.Add(ref up ? ref _upstream : ref _downstream, n);
                await sink.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }

        // One side ended: end the other, so each endpoint sees what a real network drop looks like.
        Reset(from);
        Reset(to);
    }
}
