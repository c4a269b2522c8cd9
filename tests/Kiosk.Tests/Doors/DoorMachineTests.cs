using System.Device.Gpio;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Doors;

/// <summary>The transitions on their own: a lock on a simulated chip, a real journal, a fake clock, no locking shell.</summary>
public sealed class DoorMachineTests : IDisposable
{
    private const int LockPin = 17;
    private static readonly TimeSpan UnlockTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HeldOpenTime = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("door-machine-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private readonly GpioController _gpio = new(new SimulatedGpioDriver());
    private readonly DoorLock _lock;
    private readonly EventJournal _journal;
    private readonly List<DoorSignal> _elapsed = [];
    private readonly FakeLogger _log = new();
    private readonly DoorMachine _machine;

    public DoorMachineTests()
    {
        _lock = new DoorLock(_gpio, LockPin, activeLow: false, DoorFailMode.FailSecure);
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), _time);
        _machine = Create();
    }

    [Fact]
    public void Start_Twice_SecondIsFalse()
    {
        Assert.True(_machine.Start(contactOpen: false));
        Assert.False(_machine.Start(contactOpen: true));
        Assert.False(_machine.ContactOpen);
    }

    [Fact]
    public void Start_WithTheDoorOpen_LocksAndRunsTheHeldOpenTimer()
    {
        _lock.Unlock();
        Assert.True(_machine.Start(contactOpen: true));

        Assert.True(_lock.IsLocked);
        Assert.True(_machine.ContactOpen);
        _time.Advance(HeldOpenTime);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);
    }

    [Fact]
    public void Step_BeforeStartOrAfterStop_ChangesNothing()
    {
        Assert.False(_machine.Step(DoorSignal.ContactOpened));
        Assert.False(_machine.ContactOpen);

        _machine.Start(contactOpen: false);
        _machine.Stop();
        Assert.False(_machine.Step(DoorSignal.ContactOpened));
        Assert.False(_machine.Open(new DoorOpening(DoorVia.Exit)));
        Assert.True(_lock.IsLocked);
        Assert.Empty(Types());
    }

    [Fact]
    public void Step_RepeatedEdgeOrUnrelatedTimer_ReturnsFalse()
    {
        _machine.Start(contactOpen: false);

        Assert.False(_machine.Step(DoorSignal.ContactClosed));
        Assert.False(_machine.Step(DoorSignal.UnlockTimeElapsed));
        Assert.False(_machine.Step(DoorSignal.HeldOpenTimeElapsed));
        Assert.False(_machine.Step(DoorSignal.ExitPressed));
        Assert.Empty(Types());
    }

    [Fact]
    public void Open_ThenUnlockTimeElapses_ReleasesThenRelocks()
    {
        _machine.Start(contactOpen: false);
        Assert.True(_machine.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker")));
        Assert.False(_lock.IsLocked);

        _time.Advance(UnlockTime);
        Assert.Equal([DoorSignal.UnlockTimeElapsed], _elapsed);
        Assert.True(_machine.Step(DoorSignal.UnlockTimeElapsed));
        Assert.True(_lock.IsLocked);
        Assert.False(_machine.Step(DoorSignal.UnlockTimeElapsed));
        Assert.Equal(["door.opened"], Types());
    }

    [Fact]
    public void Open_WhileTheDoorIsOpen_StartsNoUnlockTimer()
    {
        _machine.Start(contactOpen: true);
        _machine.Open(new DoorOpening(DoorVia.Exit));

        _time.Advance(UnlockTime);
        Assert.DoesNotContain(DoorSignal.UnlockTimeElapsed, _elapsed);
        Assert.False(_lock.IsLocked);
    }

    [Fact]
    public void ContactOpened_AfterAnOpening_KeepsReleasedCancelsRelockAndTimesHeldOpen()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Remote));

        Assert.True(_machine.Step(DoorSignal.ContactOpened));
        _time.Advance(HeldOpenTime);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);
        Assert.True(_machine.Step(DoorSignal.HeldOpenTimeElapsed));

        Assert.Equal(DoorAlarm.HeldOpen, _machine.Alarm);
        Assert.Equal("Door rest held open longer than 00:01:00", _log.LatestRecord.Message);
        Assert.False(_lock.IsLocked);
        Assert.False(_machine.Step(DoorSignal.HeldOpenTimeElapsed));
        Assert.Equal(["door.opened", "door.held_open"], Types());
    }

    [Fact]
    public void ContactOpened_WhileLocked_ForcedOpenWithoutHeldOpenTimer()
    {
        _machine.Start(contactOpen: false);

        Assert.True(_machine.Step(DoorSignal.ContactOpened));
        Assert.Equal(DoorAlarm.ForcedOpen, _machine.Alarm);
        Assert.True(_lock.IsLocked);
        _time.Advance(HeldOpenTime);
        Assert.Empty(_elapsed);
        Assert.Equal(["door.forced_open"], Types());
    }

    [Fact]
    public void ContactClosed_AfterAnAlarm_ClearsRelocksAndRecordsClosed()
    {
        _machine.Start(contactOpen: false);
        _machine.Step(DoorSignal.ContactOpened);

        Assert.True(_machine.Step(DoorSignal.ContactClosed));
        Assert.Equal(DoorAlarm.None, _machine.Alarm);
        Assert.False(_machine.ContactOpen);
        Assert.True(_lock.IsLocked);
        Assert.Equal(["door.forced_open", "door.closed"], Types());
    }

    [Fact]
    public void ContactClosed_InHoldOpen_StaysReleased()
    {
        _machine.Start(contactOpen: true);
        _machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, null);

        Assert.True(_machine.Step(DoorSignal.ContactClosed));
        Assert.False(_lock.IsLocked);
        _time.Advance(HeldOpenTime);
        Assert.Empty(_elapsed);
    }

    [Fact]
    public void SetMode_HoldOpenWithAHeldOpenAlarm_ClearsItAndStopsTheTimer()
    {
        _machine.Start(contactOpen: true);
        _time.Advance(HeldOpenTime);
        _machine.Step(DoorSignal.HeldOpenTimeElapsed);
        _elapsed.Clear();

        Assert.True(_machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, "op-1"));
        Assert.Equal(DoorAlarm.None, _machine.Alarm);
        Assert.False(_lock.IsLocked);
        Assert.False(_machine.Step(DoorSignal.HeldOpenTimeElapsed));
        Assert.False(_machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, "op-1"));
        Assert.Equal(["door.held_open", "door.mode"], Types());
    }

    [Fact]
    public void SetMode_NormalAfterHoldOpenWithTheDoorOpen_StaysReleasedUntilClosedAndTimesHeldOpen()
    {
        _machine.Start(contactOpen: false);
        _machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, null);
        _machine.Step(DoorSignal.ContactOpened);

        _machine.SetMode(DoorMode.Normal, DoorVia.Remote, null);
        Assert.False(_lock.IsLocked);
        _time.Advance(HeldOpenTime);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);

        _machine.Step(DoorSignal.ContactClosed);
        Assert.True(_lock.IsLocked);
    }

    [Fact]
    public void SetMode_OutOfServiceDuringTheUnlockTime_LocksAtOnceAndCancelsTheRelock()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));

        _machine.SetMode(DoorMode.OutOfService, DoorVia.Remote, null);
        Assert.True(_lock.IsLocked);
        _time.Advance(UnlockTime);
        Assert.Empty(_elapsed);
    }

    [Fact]
    public void SetMode_OutOfServiceWithTheHeldOpenTimerRunning_DoesNotRestartIt()
    {
        _machine.Start(contactOpen: true);
        _time.Advance(HeldOpenTime / 2);

        _machine.SetMode(DoorMode.OutOfService, DoorVia.Remote, null);
        _time.Advance(HeldOpenTime / 2);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);
    }

    [Fact]
    public void Lock_InHoldOpen_BackToNormalLockedAndRecorded()
    {
        _machine.Start(contactOpen: false);
        _machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, null);

        _machine.Lock(DoorVia.Remote, "op-1");
        Assert.Equal(DoorMode.Normal, _machine.Mode);
        Assert.True(_lock.IsLocked);
        Assert.Equal(["door.mode", "door.mode"], Types());
    }

    [Fact]
    public void Lock_DuringTheUnlockTime_CancelsTheRelockTimer()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));

        _machine.Lock(DoorVia.Remote, null);
        Assert.True(_lock.IsLocked);
        _time.Advance(UnlockTime);
        Assert.Empty(_elapsed);
        Assert.Equal(["door.opened"], Types());
    }

    [Fact]
    public void SetMode_HoldOpenAfterStop_RefusedAndStaysLocked()
    {
        _machine.Start(contactOpen: false);
        _machine.Stop();

        Assert.False(_machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, "op-1"));
        Assert.True(_lock.IsLocked);
        Assert.Equal(DoorMode.Normal, _machine.Mode);
        Assert.Empty(Types());
    }

    [Fact]
    public void Stop_DuringTheUnlockTime_CancelsTheRelockTimer()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Remote));

        _machine.Stop();
        _time.Advance(UnlockTime);
        Assert.Empty(_elapsed);
        Assert.True(_lock.IsLocked);
    }

    [Fact]
    public void Stop_WithTheDoorOpen_CancelsTheHeldOpenTimer()
    {
        _machine.Start(contactOpen: true);

        _machine.Stop();
        _time.Advance(HeldOpenTime);
        Assert.Empty(_elapsed);
    }

    [Fact]
    public void ContactClosed_AfterAnAuthorisedOpening_CancelsTheHeldOpenTimer()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Remote));
        _machine.Step(DoorSignal.ContactOpened);

        _machine.Step(DoorSignal.ContactClosed);
        _time.Advance(HeldOpenTime);
        Assert.Empty(_elapsed);
    }

    [Fact]
    public void SetMode_HoldOpenThenNormalWithTheDoorOpen_StopsThenRestartsTheHeldOpenTimer()
    {
        _machine.Start(contactOpen: false);
        _machine.Open(new DoorOpening(DoorVia.Remote));
        _machine.Step(DoorSignal.ContactOpened);

        _machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, null);
        _time.Advance(HeldOpenTime);
        Assert.Empty(_elapsed);

        _machine.SetMode(DoorMode.Normal, DoorVia.Remote, null);
        _time.Advance(HeldOpenTime);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);
    }

    [Fact]
    public void SetMode_OutOfServiceWhileForcedOpen_TimesHeldOpenButKeepsTheForcedAlarm()
    {
        _machine.Start(contactOpen: false);
        _machine.Step(DoorSignal.ContactOpened);

        _machine.SetMode(DoorMode.OutOfService, DoorVia.Remote, null);
        _time.Advance(HeldOpenTime);
        Assert.Equal([DoorSignal.HeldOpenTimeElapsed], _elapsed);
        Assert.False(_machine.Step(DoorSignal.HeldOpenTimeElapsed));
        Assert.Equal(DoorAlarm.ForcedOpen, _machine.Alarm);
    }

    [Fact]
    public void ToState_OpenUnlockedHoldOpen_ContractValues()
    {
        _machine.Start(contactOpen: true);
        _machine.SetMode(DoorMode.HoldOpen, DoorVia.Remote, null);

        var state = _machine.ToState();
        Assert.Equal(("unlocked", "open", "hold_open", (string?)null), (state.Lock, state.Contact, state.Mode, state.Alarm));
    }

    public void Dispose()
    {
        _journal.Dispose();
        _lock.Dispose();
        _gpio.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private DoorMachine Create() => new(
        "rest",
        _lock,
        _journal,
        _log,
        HeldOpenTime,
        new DoorTimer(_time, UnlockTime, DoorSignal.UnlockTimeElapsed, (t, g) => Elapsed(t, g)),
        new DoorTimer(_time, HeldOpenTime, DoorSignal.HeldOpenTimeElapsed, (t, g) => Elapsed(t, g)),
        contactOpen: false);

    private void Elapsed(DoorTimer timer, long generation)
    {
        if (timer.IsCurrent(generation))
        {
            _elapsed.Add(timer.Signal);
        }
    }

    private List<string> Types() => [.. _journal.ReadAfter(0, 100).Select(e => e.Type)];
}
