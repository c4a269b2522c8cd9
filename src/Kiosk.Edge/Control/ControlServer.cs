using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Control;

/// <summary>
/// The Unix socket kioskctl talks to: one JSON request line <c>{"op","args"}</c>, answered by
/// <c>{"ok":true,"result"}</c> or <c>{"ok":false,"error"}</c> (streaming operations send more lines).
/// </summary>
internal sealed partial class ControlServer : BackgroundService
{
    private const int MaxRequestBytes = 64 * 1024;
    private readonly Dictionary<string, ControlOperation> _operations;
    private readonly ILogger<ControlServer> _logger;
    private readonly UnixFileMode _mode;

    public ControlServer(
        IEnumerable<ControlOperation> operations,
        IOptions<ControlOptions> options,
        IOptions<KioskOptions> kiosk,
        ILogger<ControlServer> logger)
    {
        _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _logger = logger;
        SocketPath = options.Value.SocketPath ?? Path.Combine(kiosk.Value.RuntimeDirectory, "kiosk.sock");
        _mode = (UnixFileMode)Convert.ToInt32(options.Value.SocketMode, 8);
    }

    public string SocketPath { get; }

    /// <summary>Completes once the socket accepts connections.</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SocketPath))!);
        if (File.Exists(SocketPath))
        {
            File.Delete(SocketPath);
        }

        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        File.SetUnixFileMode(SocketPath, _mode);
        listener.Listen(16);
        LogListening(SocketPath);
        _listening.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                _ = ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(SocketPath);
        }
    }

    internal async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var session = new ControlSession(stream, PeerUid(client));
        JsonNode response;
        try
        {
            var line = await ReadLineAsync(stream, stoppingToken).ConfigureAwait(false);
            response = await DispatchAsync(line, session, stoppingToken).ConfigureAwait(false) is { } result
                ? new JsonObject { ["ok"] = true, ["result"] = result }
                : new JsonObject { ["ok"] = true, ["result"] = null };
        }
        catch (ControlException e)
        {
            response = new JsonObject { ["ok"] = false, ["error"] = e.Message };
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (IOException)
        {
            // The client went away (kioskctl events --follow ended with Ctrl+C).
            return;
        }

        try
        {
            await session.WriteAsync(response, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
        }
    }

    private async ValueTask<JsonNode?> DispatchAsync(string line, ControlSession session, CancellationToken cancellationToken)
    {
        JsonObject request;
        try
        {
            request = JsonNode.Parse(line) as JsonObject ?? throw new ControlException("request must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ControlException($"request is not valid JSON: {e.Message}");
        }

        var op = request["op"]?.GetValueKind() == JsonValueKind.String ? request["op"]!.GetValue<string>() : null;
        if (op is null || !_operations.TryGetValue(op, out var operation))
        {
            throw new ControlException($"unknown operation '{op}'; known: {string.Join(", ", _operations.Keys.Order(StringComparer.Ordinal))}");
        }

        var args = request["args"] as JsonObject ?? [];
        LogOperation(op, session.PeerUid);
        return await operation.ExecuteAsync(args, session, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var one = new byte[1024];
        while (true)
        {
            var n = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            var newline = Array.IndexOf(one, (byte)'\n', 0, n);
            buffer.Write(one, 0, newline >= 0 ? newline : n);
            if (newline >= 0)
            {
                break;
            }

            if (buffer.Length > MaxRequestBytes)
            {
                throw new ControlException("request too large");
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static int? PeerUid(Socket socket)
    {
        // SO_PEERCRED (SOL_SOCKET=1, optname 17) yields struct ucred { pid, uid, gid }.
        try
        {
            Span<byte> cred = stackalloc byte[12];
            return socket.GetRawSocketOption(1, 17, cred) == 12 ? BitConverter.ToInt32(cred[4..8]) : null;
        }
        catch (SocketException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Control socket listening on {Path}")]
    private partial void LogListening(string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Control operation {Op} from uid {Uid}")]
    private partial void LogOperation(string op, int? uid);
}
