using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Commands;

namespace Kiosk.Tests.Doors.Commands;

public sealed class DoorCommandTests : IDisposable
{
    private readonly DoorRig _rig = new();

    [Fact]
    public async Task Lock_NamedDoorDuringUnlockTime_LocksIt()
    {
        _rig.Life.Open(new DoorOpening(DoorVia.Scan));

        var result = await Run(new LockCommand(_rig.Doors), "lock", """{"door":"life"}""");

        Assert.True(result.Ok);
        Assert.Equal("life", result.Result!["door"]!.GetValue<string>());
        Assert.Equal("locked", result.Result!["lock"]!.GetValue<string>());
        Assert.True(_rig.Life.IsLocked);
    }

    [Fact]
    public async Task Lock_NoDoorArgument_LocksTheDefaultDoor()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        var result = await Run(new LockCommand(_rig.Doors), "lock", "{}");

        Assert.True(result.Ok);
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public async Task Lock_UnknownDoor_FailsAndChangesNothing()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        var before = _rig.Events().Count;

        var result = await Run(new LockCommand(_rig.Doors), "lock", """{"door":"kitchen"}""");

        Assert.Equal("unknown_door", result.Error);
        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal(before, _rig.Events().Count);
    }

    [Theory]
    [InlineData("""{"door":7}""")]
    [InlineData("""{"door":["rest"]}""")]
    [InlineData("[]")]
    public async Task Lock_BadArguments_FailsAndChangesNothing(string arguments)
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        var result = await Run(new LockCommand(_rig.Doors), "lock", arguments);

        Assert.Equal("bad_arguments", result.Error);
        Assert.False(_rig.Rest.IsLocked);
    }

    [Fact]
    public async Task Mode_RemoteOutOfService_SetsModeAndRecordsViaRemoteAndSub()
    {
        var result = await Run(new ModeCommand(_rig.Doors), "mode", """{"door":"rest","mode":"out_of_service","iss":"x","cmd":"mode"}""", CommandVia.Remote, "op-7");

        Assert.True(result.Ok);
        Assert.Equal("out_of_service", result.Result!["mode"]!.GetValue<string>());
        Assert.True(result.Result!["changed"]!.GetValue<bool>());
        Assert.Equal(DoorMode.OutOfService, _rig.Rest.Mode);
        var e = Assert.Single(_rig.Events());
        Assert.Equal("door.mode", e.Type);
        Assert.Equal("remote", e.Fields["via"]!.GetValue<string>());
        Assert.Equal("op-7", e.Fields["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mode_ManualHoldOpen_ReleasesTheDefaultDoor()
    {
        var result = await Run(new ModeCommand(_rig.Doors), "mode", """{"mode":"hold_open"}""");

        Assert.True(result.Ok);
        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal("manual", _rig.Events()[^1].Fields["via"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"door":"rest"}""")]
    [InlineData("""{"door":"rest","mode":"open"}""")]
    [InlineData("""{"door":"rest","mode":"HOLD_OPEN"}""")]
    [InlineData("""{"door":"rest","mode":1}""")]
    [InlineData("""{"door":false,"mode":"hold_open"}""")]
    public async Task Mode_BadArguments_FailsAndChangesNothing(string arguments)
    {
        var result = await Run(new ModeCommand(_rig.Doors), "mode", arguments);

        Assert.Equal("bad_arguments", result.Error);
        Assert.Equal(DoorMode.Normal, _rig.Rest.Mode);
        Assert.True(_rig.Rest.IsLocked);
        Assert.Empty(_rig.Events());
    }

    [Fact]
    public async Task Mode_UnknownDoor_FailsAndChangesNothing()
    {
        var result = await Run(new ModeCommand(_rig.Doors), "mode", """{"door":"kitchen","mode":"hold_open"}""");

        Assert.Equal("unknown_door", result.Error);
        Assert.All(_rig.Doors.All, d => Assert.Equal(DoorMode.Normal, d.Mode));
        Assert.Empty(_rig.Events());
    }

    [Fact]
    public async Task Router_WorkerRoleRemoteLock_IsForbidden()
    {
        var router = new CommandRouter([new LockCommand(_rig.Doors), new ModeCommand(_rig.Doors)]);
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        var result = await router.ExecuteAsync(Request("lock", "{}", CommandVia.Remote, "worker-1", "worker"), TestContext.Current.CancellationToken);

        Assert.Equal("role_forbidden", result.Error);
        Assert.False(_rig.Rest.IsLocked);
    }

    public void Dispose() => _rig.Dispose();

    private static async Task<CommandResult> Run(KioskCommand command, string name, string arguments, CommandVia via = CommandVia.Manual, string? sub = null) =>
        await command.ExecuteAsync(Request(name, arguments, via, sub, via == CommandVia.Manual ? "maintenance" : "operator"), TestContext.Current.CancellationToken);

    private static CommandRequest Request(string name, string arguments, CommandVia via, string? sub, string role) =>
        new(name, "req-1", via, sub, role, JsonDocument.Parse(arguments).RootElement);
}
