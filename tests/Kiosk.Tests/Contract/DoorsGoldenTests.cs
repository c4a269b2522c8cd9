using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Commands;
using Kiosk.Tests.Doors;

namespace Kiosk.Tests.Contract;

/// <summary>The door events, the <c>doors</c> state section and the lock/mode replies, as the door code produces them.</summary>
public sealed class DoorsGoldenTests : IDisposable
{
    private readonly DoorRig _rig = new();

    [Fact]
    public void Events_DoorCycleAlarmsAndMode_MatchGolden()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan, "worker-0042", "worker"));
        _rig.MoveDoor("rest", open: true);
        _rig.MoveDoor("rest", open: false);
        _rig.PressExit("life");
        _rig.MoveDoor("life", open: true);
        _rig.Time.Advance(TimeSpan.FromMinutes(5));
        _rig.MoveDoor("life", open: false);
        _rig.MoveDoor("rest", open: true);
        _rig.MoveDoor("rest", open: false);
        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote, "op-7");
        _rig.Life.SetMode(DoorMode.HoldOpen, DoorVia.Manual);

        var events = _rig.Events();
        GoldenFile.MatchEvent("door.opened", events.First(e => e.Type == "door.opened" && e.Fields["via"]!.GetValue<string>() == "scan"));
        GoldenFile.MatchEvent("door.opened-exit", events.First(e => e.Type == "door.opened" && e.Fields["via"]!.GetValue<string>() == "exit"));
        GoldenFile.MatchEvent("door.closed", events.First(e => e.Type == "door.closed"));
        GoldenFile.MatchEvent("door.held_open", Assert.Single(events, e => e.Type == "door.held_open"));
        GoldenFile.MatchEvent("door.forced_open", Assert.Single(events, e => e.Type == "door.forced_open"));
        GoldenFile.MatchEvent("door.mode", events.First(e => e.Type == "door.mode" && e.Fields["door"]!.GetValue<string>() == "rest"));
        GoldenFile.MatchEvent("door.mode-manual", events.First(e => e.Type == "door.mode" && e.Fields["door"]!.GetValue<string>() == "life"));
    }

    [Fact]
    public void State_DoorsSection_MatchesGolden()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.MoveDoor("rest", open: true);
        _rig.Time.Advance(TimeSpan.FromMinutes(5));
        _rig.Life.SetMode(DoorMode.OutOfService, DoorVia.Manual);

        GoldenFile.Match("state/doors", _rig.State.Get(DoorRegistry.StateSection)!.ToJsonString());
    }

    [Fact]
    public async Task Replies_LockAndMode_MatchGolden()
    {
        using var replies = new ReplyHarness(_rig.Time, [new LockCommand(_rig.Doors), new ModeCommand(_rig.Doors)]);
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        GoldenFile.Match("replies/lock", await replies.ReplyAsync("lock", "r-lock", """{"cmd":"lock","door":"rest"}"""));
        GoldenFile.Match("replies/mode", await replies.ReplyAsync("mode", "r-mode", """{"cmd":"mode","door":"life","mode":"hold_open"}"""));
        GoldenFile.Match("replies/error-unknown_door", await replies.ReplyAsync("lock", "r-nodoor", """{"cmd":"lock","door":"kitchen"}"""));
        GoldenFile.Match("replies/error-bad_arguments", await replies.ReplyAsync("mode", "r-badmode", """{"cmd":"mode","door":"rest","mode":"party"}"""));
    }

    public void Dispose() => _rig.Dispose();
}
