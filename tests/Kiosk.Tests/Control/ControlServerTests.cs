using System.Text.Json.Nodes;
using Kiosk.Ctl;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Control;

public sealed class ControlServerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctl-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private ControlServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = new ControlServer(
            [new EchoOperation()],
            Options.Create(new ControlOptions()),
            Options.Create(new KioskOptions { Id = "test-0001", RuntimeDirectory = _dir }),
            NullLogger<ControlServer>.Instance);
        await _server.StartAsync(_stop.Token);
        await _server.Listening.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RequestAsync_KnownOperation_ReturnsResult()
    {
        var client = new ControlClient(_server.SocketPath);
        var result = await client.RequestAsync("echo", new JsonObject { ["x"] = 7 }, TestContext.Current.CancellationToken);
        Assert.Equal(7, result!["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task RequestAsync_UnknownOperation_RefusedWithKnownNames()
    {
        var client = new ControlClient(_server.SocketPath);
        var e = await Assert.ThrowsAsync<CtlException>(() => client.RequestAsync("nope", null, TestContext.Current.CancellationToken));
        Assert.Contains("unknown operation 'nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains("echo", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_OperationRefuses_ErrorReachesClient()
    {
        var client = new ControlClient(_server.SocketPath);
        var e = await Assert.ThrowsAsync<CtlException>(() => client.RequestAsync("echo", new JsonObject { ["refuse"] = true }, TestContext.Current.CancellationToken));
        Assert.Equal("refused on purpose", e.Message);
    }

    [Fact]
    public void Socket_Created_OnlyOwnerAndGroupMayConnect()
    {
        var mode = File.GetUnixFileMode(_server.SocketPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, mode);
    }

    [Fact]
    public async Task Session_LocalPeer_KnowsCallerUid()
    {
        var client = new ControlClient(_server.SocketPath);
        var result = await client.RequestAsync("echo", null, TestContext.Current.CancellationToken);
        Assert.Equal(GetUid(), result!["uid"]!.GetValue<int>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static int GetUid() => int.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private sealed class EchoOperation : ControlOperation
    {
        public override string Name => "echo";

        public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
        {
            if (args["refuse"] is not null)
            {
                throw new ControlException("refused on purpose");
            }

            var result = args.DeepClone().AsObject();
            result["uid"] = session.PeerUid;
            return ValueTask.FromResult<JsonNode?>(result);
        }
    }
}
