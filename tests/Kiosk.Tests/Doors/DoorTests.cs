using System.Device.Gpio;
using Kiosk.Edge.Doors;

namespace Kiosk.Tests.Doors;

public sealed class DoorTests : IDisposable
{
    private readonly DoorRig _rig = new();

    [Fact]
    public void Start_ClosedDoor_IsLockedClosedNormalWithoutAlarm()
    {
        Assert.True(_rig.Rest.IsLocked);
        Assert.False(_rig.Rest.IsOpen);
        Assert.Equal(DoorMode.Normal, _rig.Rest.Mode);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        Assert.Empty(_rig.Events());
    }

    [Fact]
    public void Open_Scan_ReleasesLockAndRecordsDoorOpened()
    {
        Assert.True(_rig.Rest.Open(new DoorOpening(DoorVia.Scan, "worker-0042", "worker")));

        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal(PinValue.High, _rig.LockLine("rest"));
        var e = Assert.Single(_rig.Events());
        Assert.Equal("door.opened", e.Type);
        Assert.Equal("rest", e.Fields["door"]!.GetValue<string>());
        Assert.Equal("scan", e.Fields["via"]!.GetValue<string>());
        Assert.Equal("worker-0042", e.Fields["sub"]!.GetValue<string>());
        Assert.Equal("worker", e.Fields["role"]!.GetValue<string>());
    }

    [Fact]
    public void Cycle_OpenedThenClosed_RelocksAtOnceAndRecordsDoorClosed()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan, "worker-0042", "worker"));
        _rig.Time.Advance(TimeSpan.FromSeconds(2));

        _rig.MoveDoor("rest", open: true);
        Assert.True(_rig.Rest.IsOpen);
        Assert.False(_rig.Rest.IsLocked);

        // Past the unlock time while open: the lock stays released until the door closes.
        _rig.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(_rig.Rest.IsLocked);

        _rig.MoveDoor("rest", open: false);
        Assert.True(_rig.Rest.IsLocked);
        Assert.False(_rig.Rest.IsOpen);
        Assert.Equal(["door.opened", "door.closed"], _rig.EventTypes());
        Assert.Equal("rest", _rig.Events()[1].Fields["door"]!.GetValue<string>());
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
    }

    [Fact]
    public void Open_NeverOpened_RelocksWhenUnlockTimeElapses()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Remote, "op-7", "operator"));

        _rig.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(_rig.Rest.IsLocked);
        _rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(PinValue.Low, _rig.LockLine("rest"));
        Assert.Equal(["door.opened"], _rig.EventTypes());
    }

    [Fact]
    public void Open_AgainWhileReleased_RestartsUnlockTime()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.Time.Advance(TimeSpan.FromSeconds(4));
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.Time.Advance(TimeSpan.FromSeconds(4));

        Assert.False(_rig.Rest.IsLocked);
        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void HeldOpen_PastAlarmTime_RaisesAlarmUntilClosed()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.MoveDoor("rest", open: true);

        _rig.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DoorAlarm.HeldOpen, _rig.Rest.Alarm);
        Assert.Equal("held_open", _rig.DoorState("rest")!["alarm"]!.GetValue<string>());
        Assert.Equal("door.held_open", _rig.Events()[^1].Type);
        Assert.Equal("rest", _rig.Events()[^1].Fields["door"]!.GetValue<string>());

        _rig.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(_rig.Events(), e => e.Type == "door.held_open");

        _rig.MoveDoor("rest", open: false);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        Assert.Null(_rig.DoorState("rest")!["alarm"]);
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void ContactOpens_WhileLocked_IsForcedOpen()
    {
        _rig.MoveDoor("rest", open: true);

        Assert.Equal(DoorAlarm.ForcedOpen, _rig.Rest.Alarm);
        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(["door.forced_open"], _rig.EventTypes());
        Assert.Equal("forced_open", _rig.DoorState("rest")!["alarm"]!.GetValue<string>());

        _rig.MoveDoor("rest", open: false);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        Assert.Equal(["door.forced_open", "door.closed"], _rig.EventTypes());
    }

    [Fact]
    public void ContactOpens_AfterUnlockTimeElapsed_IsForcedOpen()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.Time.Advance(TimeSpan.FromSeconds(5));

        _rig.MoveDoor("rest", open: true);

        Assert.Equal(DoorAlarm.ForcedOpen, _rig.Rest.Alarm);
    }

    [Fact]
    public void ContactBounce_ShorterThanDebounce_IsNotAnOpening()
    {
        var pin = _rig.Rest.Wiring.ContactPin;
        _rig.Chip.SetInput(pin, PinValue.High);
        _rig.Time.Advance(TimeSpan.FromMilliseconds(10));
        _rig.Chip.SetInput(pin, PinValue.Low);
        _rig.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_rig.Rest.IsOpen);
        Assert.Empty(_rig.Events());
    }

    [Fact]
    public void ExitButton_Pressed_OpensWithoutTokenViaExit()
    {
        _rig.PressExit("rest");

        Assert.False(_rig.Rest.IsLocked);
        var e = Assert.Single(_rig.Events());
        Assert.Equal("door.opened", e.Type);
        Assert.Equal("exit", e.Fields["via"]!.GetValue<string>());
        Assert.False(e.Fields.ContainsKey("sub"));
        Assert.False(e.Fields.ContainsKey("role"));

        _rig.MoveDoor("rest", open: true);
        _rig.MoveDoor("rest", open: false);
        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
    }

    [Fact]
    public void ExitButton_OnOneCabin_LeavesTheOtherLocked()
    {
        _rig.PressExit("life");

        Assert.False(_rig.Life.IsLocked);
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void HoldOpen_Mode_ReleasesContinuouslyWithoutHeldOpenAlarm()
    {
        Assert.True(_rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Remote, "op-7"));

        Assert.False(_rig.Rest.IsLocked);
        var e = Assert.Single(_rig.Events());
        Assert.Equal("door.mode", e.Type);
        Assert.Equal("rest", e.Fields["door"]!.GetValue<string>());
        Assert.Equal("hold_open", e.Fields["mode"]!.GetValue<string>());
        Assert.Equal("remote", e.Fields["via"]!.GetValue<string>());
        Assert.Equal("op-7", e.Fields["sub"]!.GetValue<string>());

        _rig.MoveDoor("rest", open: true);
        _rig.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        _rig.MoveDoor("rest", open: false);
        _rig.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal("unlocked", _rig.DoorState("rest")!["lock"]!.GetValue<string>());
        Assert.Equal("hold_open", _rig.DoorState("rest")!["mode"]!.GetValue<string>());
    }

    [Fact]
    public void Normal_AfterHoldOpenWithDoorClosed_LocksAtOnce()
    {
        _rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Manual);

        _rig.Rest.SetMode(DoorMode.Normal, DoorVia.Manual);

        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(["door.mode", "door.mode"], _rig.EventTypes());
        Assert.False(_rig.Events()[1].Fields.ContainsKey("sub"));
        Assert.Equal("manual", _rig.Events()[1].Fields["via"]!.GetValue<string>());
    }

    [Fact]
    public void Normal_AfterHoldOpenWithDoorOpen_RelocksWhenClosed()
    {
        _rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Manual);
        _rig.MoveDoor("rest", open: true);

        _rig.Rest.SetMode(DoorMode.Normal, DoorVia.Manual);
        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);

        _rig.MoveDoor("rest", open: false);
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void OutOfService_ScanAndRemote_AreRefusedAndNothingRecorded()
    {
        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote, "op-7");

        Assert.False(_rig.Rest.Open(new DoorOpening(DoorVia.Scan, "worker-0042", "worker")));
        Assert.False(_rig.Rest.Open(new DoorOpening(DoorVia.Remote, "op-7", "operator")));

        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(["door.mode"], _rig.EventTypes());
        Assert.Equal("out_of_service", _rig.DoorState("rest")!["mode"]!.GetValue<string>());
    }

    [Fact]
    public void OutOfService_ExitButton_StillOpens()
    {
        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote);

        _rig.PressExit("rest");

        Assert.False(_rig.Rest.IsLocked);
        Assert.Equal("exit", _rig.Events()[^1].Fields["via"]!.GetValue<string>());
        _rig.MoveDoor("rest", open: true);
        Assert.Equal(DoorAlarm.None, _rig.Rest.Alarm);
        _rig.MoveDoor("rest", open: false);
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void OutOfService_MaintenanceScanAndManual_Open()
    {
        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote);

        Assert.True(_rig.Rest.Open(new DoorOpening(DoorVia.Scan, "tech-3", DoorRoles.Maintenance)));
        _rig.Rest.Lock(DoorVia.Manual);
        Assert.True(_rig.Rest.Open(new DoorOpening(DoorVia.Manual)));
        Assert.False(_rig.Rest.IsLocked);
    }

    [Fact]
    public void OutOfService_EnteredDuringUnlockTime_LocksAtOnce()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        _rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote);

        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void SetMode_SameMode_ReturnsFalseAndRecordsNothing()
    {
        Assert.False(_rig.Rest.SetMode(DoorMode.Normal, DoorVia.Remote));
        Assert.Empty(_rig.Events());
    }

    [Fact]
    public void Lock_DuringUnlockTime_RelocksNow()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        _rig.Rest.Lock(DoorVia.Remote, "op-7");

        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(["door.opened"], _rig.EventTypes());
        _rig.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public void Lock_InHoldOpen_ReturnsToNormalAndLocks()
    {
        _rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Remote);

        _rig.Rest.Lock(DoorVia.Manual);

        Assert.True(_rig.Rest.IsLocked);
        Assert.Equal(DoorMode.Normal, _rig.Rest.Mode);
        Assert.Equal("normal", _rig.Events()[^1].Fields["mode"]!.GetValue<string>());
        Assert.Equal("manual", _rig.Events()[^1].Fields["via"]!.GetValue<string>());
    }

    [Fact]
    public void State_EveryDoor_PublishedInContractShape()
    {
        var section = _rig.State.Get("doors")!.AsObject();

        Assert.Equal(["rest", "life"], section.Select(p => p.Key));
        var rest = section["rest"]!.AsObject();
        Assert.Equal("locked", rest["lock"]!.GetValue<string>());
        Assert.Equal("closed", rest["contact"]!.GetValue<string>());
        Assert.Equal("normal", rest["mode"]!.GetValue<string>());
        Assert.True(rest.ContainsKey("alarm"));
        Assert.Null(rest["alarm"]);

        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.MoveDoor("rest", open: true);
        Assert.Equal("unlocked", _rig.DoorState("rest")!["lock"]!.GetValue<string>());
        Assert.Equal("open", _rig.DoorState("rest")!["contact"]!.GetValue<string>());
    }

    [Fact]
    public void Appended_SubscriberReadingTheDoor_DoesNotDeadlock()
    {
        DoorMode? seen = null;
        _rig.Journal.Appended += _ => seen = _rig.Rest.Mode;

        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));

        Assert.Equal(DoorMode.Normal, seen);
    }

    [Fact]
    public void Registry_LookUp_ByIdDefaultAndAll()
    {
        Assert.Equal("rest", _rig.Doors.Default.Id);
        Assert.Equal(["rest", "life"], _rig.Doors.All.Select(d => d.Id));
        Assert.True(_rig.Doors.TryGet("life", out var life));
        Assert.Equal(2, life.Capacity);
        Assert.Equal(6, _rig.Rest.Capacity);
        Assert.Equal(DoorRoles.All.Order(), life.AllowedRoles.Order());
        Assert.False(_rig.Doors.TryGet("kitchen", out _));
        Assert.False(_rig.Doors.TryGet("REST", out _));
    }

    [Fact]
    public void Registry_Stop_LeavesEveryDoorLockedAndStopsListening()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Scan));
        _rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Manual);
        _rig.Life.SetMode(DoorMode.HoldOpen, DoorVia.Manual);

        _rig.Doors.Stop();

        Assert.True(_rig.Rest.IsLocked);
        Assert.True(_rig.Life.IsLocked);
        var before = _rig.Events().Count;
        _rig.MoveDoor("rest", open: true);
        Assert.Equal(before, _rig.Events().Count);
    }

    [Fact]
    public void Open_AfterStop_IsRefusedAndTheDoorStaysLocked()
    {
        _rig.Doors.Stop();

        Assert.False(_rig.Rest.Open(new DoorOpening(DoorVia.Exit)));
        Assert.True(_rig.Rest.IsLocked);
    }

    [Fact]
    public async Task Service_StartThenStop_PublishesStateAndLeavesDoorsLocked()
    {
        var service = new DoorService(_rig.Doors);
        await service.StartAsync(TestContext.Current.CancellationToken);
        _rig.Life.SetMode(DoorMode.HoldOpen, DoorVia.Manual);

        await service.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(_rig.Life.IsLocked);
        Assert.Equal("locked", _rig.DoorState("life")!["lock"]!.GetValue<string>());
    }

    [Fact]
    public void Start_DoorAlreadyOpen_ReportsOpenAndAlarmsWhenHeld()
    {
        using var rig = new DoorRig(configure: null, prepare: chip => chip.SetInput(27, PinValue.High));

        Assert.True(rig.Rest.IsOpen);
        Assert.Equal("open", rig.DoorState("rest")!["contact"]!.GetValue<string>());
        Assert.Equal(DoorAlarm.None, rig.Rest.Alarm);
        rig.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(DoorAlarm.HeldOpen, rig.Rest.Alarm);

        rig.MoveDoor("rest", open: false);
        Assert.Equal(["door.held_open", "door.closed"], rig.EventTypes());
    }

    public void Dispose() => _rig.Dispose();
}
