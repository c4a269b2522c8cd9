using System.Net.Sockets;
using Kiosk.Ctl;

namespace Kiosk.Tests.Ctl;

/// <summary>What kioskctl says when the control socket cannot be reached: the cause, not the errno's network wording.</summary>
public sealed class ControlClientTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kioskctl-socket-").FullName;

    [Fact]
    public async Task Request_NoSocketFile_SaysNoSuchSocketExitThree()
    {
        var path = Path.Combine(_dir, "kiosk.sock");

        var e = await Assert.ThrowsAsync<CtlException>(() => new ControlClient(path).RequestAsync("status", null, TestContext.Current.CancellationToken));

        Assert.Equal(3, e.ExitCode);
        Assert.StartsWith($"cannot reach the kiosk service at {path}: no such socket (is kiosk-edge running?", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot assign requested address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SocketFileButNoListener_SaysNothingIsListening()
    {
        // What a killed service leaves behind: the socket file, bound once, with nobody accepting on it.
        // .NET unlinks the file of a socket it bound when that socket is disposed, so it is moved first.
        var path = Path.Combine(_dir, "kiosk.sock");
        var bound = Path.Combine(_dir, "bound.sock");
        using (var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            stale.Bind(new UnixDomainSocketEndPoint(bound));
            File.Move(bound, path);
        }

        var e = await Assert.ThrowsAsync<CtlException>(() => new ControlClient(path).RequestAsync("status", null, TestContext.Current.CancellationToken));

        Assert.Equal(3, e.ExitCode);
        Assert.Contains($"{path}: nothing is listening on it (kiosk-edge stopped or is restarting", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
