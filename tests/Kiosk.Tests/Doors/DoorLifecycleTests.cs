using System.Device.Gpio;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Doors;

/// <summary>The door shell: start, stop, dispose, change notification, wiring levels and its composition.</summary>
public sealed class DoorLifecycleTests
{
    [Fact]
    public void Start_Twice_RaisesChangedOnceAndListensOnce()
    {
        using var rig = new DoorRig(start: false);
        var changes = 0;
        rig.Rest.Changed += _ => changes++;

        rig.Rest.Start();
        rig.Rest.Start();
        Assert.Equal(1, changes);

        rig.MoveDoor("rest", open: true);
        Assert.Equal(2, changes);
        Assert.Equal(1, rig.EventTypes().Count(t => t == "door.forced_open"));
    }

    [Fact]
    public void Start_NotStarted_IgnoresTheContact()
    {
        using var rig = new DoorRig(start: false);
        rig.MoveDoor("rest", open: true);

        Assert.Empty(rig.EventTypes());
        Assert.Equal(DoorAlarm.None, rig.Rest.Alarm);
    }

    [Fact]
    public async Task Service_Start_StartsTheDoors()
    {
        using var rig = new DoorRig(start: false);
        var service = new DoorService(rig.Doors);

        await service.StartAsync(TestContext.Current.CancellationToken);
        rig.MoveDoor("rest", open: true);

        Assert.Equal(DoorAlarm.ForcedOpen, rig.Rest.Alarm);
    }

    [Fact]
    public void Lock_Always_RaisesChanged()
    {
        using var rig = new DoorRig();
        var changes = 0;
        rig.Rest.Changed += _ => changes++;

        rig.Rest.Lock(DoorVia.Remote);

        Assert.Equal(1, changes);
    }

    [Fact]
    public void Open_Null_ThrowsArgumentNull()
    {
        using var rig = new DoorRig();
        Assert.Throws<ArgumentNullException>(() => rig.Rest.Open(null!));
        Assert.Empty(rig.EventTypes());
    }

    [Fact]
    public void Dispose_ReleasedDoor_LockedAndRefusesOpenings()
    {
        using var rig = new DoorRig();
        rig.Rest.Open(new DoorOpening(DoorVia.Remote));

        rig.Rest.Dispose();

        Assert.True(rig.Rest.IsLocked);
        Assert.False(rig.Rest.Open(new DoorOpening(DoorVia.Exit)));
    }

    [Fact]
    public void AllowedRoles_Configured_OnlyThose()
    {
        using var rig = new DoorRig(o => o.Cabins["life"].AllowedRoles = [DoorRoles.Maintenance]);

        Assert.Equal([DoorRoles.Maintenance], rig.Life.AllowedRoles);
        Assert.Equal(DoorRoles.All.Order(StringComparer.Ordinal), rig.Rest.AllowedRoles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wiring_ContactClosedHighAndExitActiveHigh_FollowTheLevels()
    {
        using var rig = new DoorRig(
            o =>
            {
                o.Cabins["rest"].ContactClosedLevel = LineLevel.High;
                o.Cabins["rest"].ExitButtonActiveLevel = LineLevel.High;
            },
            chip =>
            {
                chip.SetInput(27, PinValue.High);
                chip.SetInput(16, PinValue.Low);
            });
        Assert.False(rig.Rest.IsOpen);

        rig.PressExit("rest");
        Assert.Equal(["door.opened"], rig.EventTypes());
        rig.MoveDoor("rest", open: true);
        Assert.True(rig.Rest.IsOpen);
    }

    [Theory]
    [InlineData(LineLevel.High)]
    [InlineData(LineLevel.Low)]
    public void Wiring_ExitButton_OpensOnThePressNotTheRelease(LineLevel active)
    {
        var pressed = active == LineLevel.High ? PinValue.High : PinValue.Low;
        var released = active == LineLevel.High ? PinValue.Low : PinValue.High;
        using var rig = new DoorRig(o => o.Cabins["rest"].ExitButtonActiveLevel = active, chip => chip.SetInput(16, released));

        rig.Chip.SetInput(16, pressed);
        rig.Time.Advance(DoorRig.Debounce);
        Assert.Equal(["door.opened"], rig.EventTypes());

        rig.Chip.SetInput(16, released);
        rig.Time.Advance(DoorRig.Debounce);
        Assert.Equal(["door.opened"], rig.EventTypes());
    }

    [Fact]
    public void Registry_All_DefaultFirstThenOrdinalOrderOfCabinIds()
    {
        using var rig = new DoorRig(o => o.Cabins["attic"] = new DoorOptions { LockPin = 22, FailMode = DoorFailMode.FailSecure, ContactPin = 23, ExitButtonPin = 24 });
        Assert.Equal(["rest", "attic", "life"], rig.Doors.All.Select(d => d.Id));
    }

    [Fact]
    public void Factory_Loggers_OneCategoryPerDoorAndALineForEachTransition()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        using var rig = new DoorRig(loggers: loggers);

        rig.Rest.Open(new DoorOpening(DoorVia.Scan, "w-1", "worker"));
        rig.Rest.Open(new DoorOpening(DoorVia.Remote));
        rig.Rest.Lock(DoorVia.Remote);
        rig.Rest.SetMode(DoorMode.OutOfService, DoorVia.Remote);
        rig.MoveDoor("rest", open: true);

        var lines = collector.GetSnapshot();
        Assert.All(lines, l => Assert.Equal("Kiosk.Edge.Doors.Door.rest", l.Category));
        Assert.Equal(
            [
                "Door rest opened via scan (sub w-1)",
                "Door rest opened via remote (sub -)",
                "Door rest locked via remote",
                "Door rest mode out_of_service via remote",
                "Door rest forced open: it opened while locked",
            ],
            lines.Select(l => l.Message));
    }
}
