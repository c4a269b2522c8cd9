using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Kiosk.Edge.Health;

/// <summary>
/// The service manager's notification channel (sd_notify protocol): the <c>NOTIFY_SOCKET</c>
/// datagram socket (a path, or an abstract name written with a leading <c>@</c>) and the
/// watchdog period from <c>WATCHDOG_USEC</c>, which applies to this process only when
/// <c>WATCHDOG_PID</c> is unset or names it.
/// </summary>
internal sealed class SystemdNotify : IDisposable
{
    private readonly Lock _gate = new();
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private Socket? _socket;

    internal SystemdNotify(string? socketPath, TimeSpan? watchdogTimeout)
    {
        if (socketPath is { Length: > 0 })
        {
            // An abstract socket is named with a leading NUL byte; systemd writes it as '@'.
            _endPoint = new UnixDomainSocketEndPoint(socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath);
        }

        WatchdogTimeout = _endPoint is null ? null : watchdogTimeout;
    }

    /// <summary>Whether a service manager listens for notifications.</summary>
    public bool IsEnabled => _endPoint is not null;

    /// <summary>The <c>WatchdogSec=</c> of the unit, when the watchdog is on for this process.</summary>
    public TimeSpan? WatchdogTimeout { get; }

    /// <summary>Reads the variables systemd sets for a <c>Type=notify</c> service.</summary>
    public static SystemdNotify FromEnvironment(Func<string, string?> variable, int processId)
    {
        var socket = variable("NOTIFY_SOCKET");
        TimeSpan? watchdog = null;
        if (long.TryParse(variable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
        {
            var pid = variable("WATCHDOG_PID");
            var forUs = string.IsNullOrEmpty(pid)
                || (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p == processId);
            watchdog = forUs ? TimeSpan.FromMicroseconds(usec) : null;
        }

        return new SystemdNotify(socket, watchdog);
    }

    /// <summary>
    /// Sends one datagram of newline-separated assignments (e.g. <c>WATCHDOG=1</c>). Returns
    /// false when the manager is unreachable: notifications are best effort, and a missed
    /// watchdog ping is exactly what the watchdog is for.
    /// </summary>
    public bool Send(string message)
    {
        if (_endPoint is null)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        lock (_gate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                return _socket.SendTo(bytes, SocketFlags.None, _endPoint) == bytes.Length;
            }
            catch (SocketException)
            {
                _socket?.Dispose();
                _socket = null;
                return false;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }
}
