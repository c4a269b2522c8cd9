using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Hardware;

namespace Kiosk.Tests.Doors.Simulation;

public sealed class DoorSimulationOperationTests : IDisposable
{
    private readonly DoorRig _rig = new();
    private readonly ControlSession _session = new(Stream.Null, 0);

    [Fact]
    public async Task Press_Exit_OpensTheDoorAfterDebounceAndReleasesTheButton()
    {
        var op = new SimPressOperation(_rig.Board, _rig.Doors, _rig.Time);

        var pending = op.ExecuteAsync(new JsonObject { ["button"] = "exit", ["door"] = "life" }, _session, TestContext.Current.CancellationToken).AsTask();
        Assert.False(pending.IsCompleted);
        _rig.Time.Advance(DoorRig.Debounce * 2 + TimeSpan.FromMilliseconds(1));
        var result = (await pending)!.AsObject();

        Assert.Equal("life", result["door"]!.GetValue<string>());
        Assert.Equal("unlocked", result["lock"]!.GetValue<string>());
        Assert.False(_rig.Life.IsLocked);
        Assert.Equal("exit", _rig.Events()[^1].Fields["via"]!.GetValue<string>());
        Assert.Equal(PinValue.High, _rig.Board.Gpio.Read(_rig.Life.Wiring.ExitButtonPin)); // released (active low)
    }

    [Fact]
    public async Task Door_OpenThenClose_DrivesTheContact()
    {
        var op = new SimDoorOperation(_rig.Board, _rig.Doors, _rig.Time);
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        var opening = op.ExecuteAsync(new JsonObject { ["action"] = "open" }, _session, TestContext.Current.CancellationToken).AsTask();
        _rig.Time.Advance(TimeSpan.FromMilliseconds(61));
        Assert.Equal("open", (await opening)!["contact"]!.GetValue<string>());

        var closing = op.ExecuteAsync(new JsonObject { ["action"] = "close" }, _session, TestContext.Current.CancellationToken).AsTask();
        _rig.Time.Advance(TimeSpan.FromMilliseconds(61));
        var closed = (await closing)!;

        Assert.Equal("closed", closed["contact"]!.GetValue<string>());
        Assert.Equal("locked", closed["lock"]!.GetValue<string>());
        Assert.Equal(["door.opened", "door.closed"], _rig.EventTypes());
    }

    [Theory]
    [InlineData("""{"action":"slam"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"action":"open","door":"kitchen"}""")]
    [InlineData("""{"action":"open","door":3}""")]
    public async Task Door_BadArguments_RefusedAndNothingDriven(string args)
    {
        var op = new SimDoorOperation(_rig.Board, _rig.Doors, _rig.Time);

        await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(JsonNode.Parse(args)!.AsObject(), _session, TestContext.Current.CancellationToken).AsTask());

        Assert.All(_rig.Doors.All, d => Assert.False(d.IsOpen));
    }

    [Fact]
    public async Task Press_UnknownButton_Refused()
    {
        var op = new SimPressOperation(_rig.Board, _rig.Doors, _rig.Time);

        var e = await Assert.ThrowsAsync<ControlException>(() => op.ExecuteAsync(new JsonObject { ["button"] = "call" }, _session, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("button must be one of: exit", e.Message);
    }

    [Fact]
    public async Task Operations_OnRealBoard_RefuseWithReason()
    {
        using var gpio = new GpioController(new SimulatedGpioDriver());
        var real = new Board(gpio, simulation: null, BoardKind.Libgpiod, DoorRig.Debounce);

        var press = await Assert.ThrowsAsync<ControlException>(() => new SimPressOperation(real, _rig.Doors, _rig.Time)
            .ExecuteAsync(new JsonObject { ["button"] = "exit" }, _session, TestContext.Current.CancellationToken).AsTask());
        var door = await Assert.ThrowsAsync<ControlException>(() => new SimDoorOperation(real, _rig.Doors, _rig.Time)
            .ExecuteAsync(new JsonObject { ["action"] = "open" }, _session, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("only on the simulated board", press.Message);
        Assert.Contains("only on the simulated board", door.Message);
        Assert.True(_rig.Rest.IsLocked);
    }

    public void Dispose() => _rig.Dispose();
}
