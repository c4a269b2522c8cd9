using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>Talks to the running service over its local control socket: one JSON request line, JSON lines back.</summary>
internal sealed class ControlClient(string socketPath)
{
    public const string SocketVariable = "KIOSK_SOCKET";
    public const string ProductionSocket = "/run/kiosk-edge/kiosk.sock";
    public const string DevelopmentSocket = "/tmp/kiosk-edge-dev/run/kiosk.sock";

    public string SocketPath { get; } = socketPath;

    /// <summary>The --socket option, else $KIOSK_SOCKET, else the production socket, else the development one.</summary>
    public static string ResolveSocket(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        var env = Environment.GetEnvironmentVariable(SocketVariable);
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        return File.Exists(ProductionSocket) || !File.Exists(DevelopmentSocket) ? ProductionSocket : DevelopmentSocket;
    }

    /// <summary>
    /// Why a connect to the control socket failed, in the crew's terms. .NET reports a missing socket file
    /// (ENOENT) as "Cannot assign requested address", which sends people looking at the network.
    /// </summary>
    internal static string Unreachable(string socketPath, SocketException e) => !File.Exists(socketPath)
        ? $"no such socket (is kiosk-edge running? on a development machine the socket is {DevelopmentSocket}; use --socket PATH)"
        : e.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "nothing is listening on it (kiosk-edge stopped or is restarting: systemctl status kiosk-edge)",
            SocketError.AccessDenied => "permission denied (the socket is for the service user and group kiosk: add yourself to it, or use sudo)",
            _ => $"{e.Message} (is kiosk-edge running? are you in its group? use --socket PATH)",
        };

    /// <summary>Sends one request and returns its result; throws <see cref="CtlException"/> on a refusal.</summary>
    public async Task<JsonNode?> RequestAsync(string op, JsonObject? args, CancellationToken cancellationToken)
    {
        JsonNode? result = null;
        await StreamAsync(op, args, line =>
        {
            result = line;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Sends one request and hands every streamed line to <paramref name="onLine"/> until the final
    /// <c>{"ok":...}</c> answer, whose result is passed last. Returns when the service closes the stream.
    /// </summary>
    public async Task StreamAsync(string op, JsonObject? args, Func<JsonNode?, bool> onLine, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new CtlException($"cannot reach the kiosk service at {SocketPath}: {Unreachable(SocketPath, e)}", e) { ExitCode = 3 };
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var request = new JsonObject { ["op"] = op, ["args"] = args ?? [] };
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var node = JsonNode.Parse(line);
            if (node is JsonObject o && o.ContainsKey("ok"))
            {
                if (o["ok"]?.GetValue<bool>() != true)
                {
                    throw new CtlException(o["error"]?.GetValue<string>() ?? "the service refused the request");
                }

                onLine(o["result"]);
                return;
            }

            if (!onLine(node))
            {
                return;
            }
        }

        throw new CtlException("the service closed the connection without an answer");
    }
}
