using System.Device.Gpio;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Hardware;

namespace Kiosk.Tests.Doors;

public sealed class DoorLockTests : IDisposable
{
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;

    public DoorLockTests() => _gpio = new GpioController(_chip);

    // Locked is de-energised for fail-secure, energised for fail-safe; active-low inverts the line.
    [Theory]
    [InlineData(DoorFailMode.FailSecure, false, 0, 1)]
    [InlineData(DoorFailMode.FailSecure, true, 1, 0)]
    [InlineData(DoorFailMode.FailSafe, false, 1, 0)]
    [InlineData(DoorFailMode.FailSafe, true, 0, 1)]
    public void Lines_EachWiring_LockedAndUnlockedLevels(DoorFailMode mode, bool activeLow, int lockedLevel, int unlockedLevel)
    {
        using var doorLock = new DoorLock(_gpio, 17, activeLow, mode);
        Assert.True(doorLock.IsLocked);
        Assert.Equal(PinMode.Output, _chip.GetMode(17));
        Assert.Equal((PinValue)lockedLevel, _chip.GetOutput(17));

        doorLock.Unlock();
        Assert.False(doorLock.IsLocked);
        Assert.Equal((PinValue)unlockedLevel, _chip.GetOutput(17));

        doorLock.Lock();
        Assert.Equal((PinValue)lockedLevel, _chip.GetOutput(17));
    }

    [Theory]
    [InlineData(DoorFailMode.FailSecure, false)]
    [InlineData(DoorFailMode.FailSecure, true)]
    [InlineData(DoorFailMode.FailSafe, false)]
    [InlineData(DoorFailMode.FailSafe, true)]
    public void Start_EachWiring_NeverGlitchesUnlocked(DoorFailMode mode, bool activeLow)
    {
        var levels = new List<PinValue>();
        _chip.OutputChanged += (pin, value) => levels.Add(value);

        using var doorLock = new DoorLock(_gpio, 17, activeLow, mode);

        Assert.All(levels, l => Assert.Equal(doorLock.LevelFor(locked: true), l));
        Assert.Equal(doorLock.LevelFor(locked: true), _chip.GetOutput(17));
    }

    [Theory]
    [InlineData(DoorFailMode.FailSecure, false)]
    [InlineData(DoorFailMode.FailSecure, true)]
    [InlineData(DoorFailMode.FailSafe, false)]
    [InlineData(DoorFailMode.FailSafe, true)]
    public void Dispose_WhileUnlocked_LeavesTheLineLocked(DoorFailMode mode, bool activeLow)
    {
        var doorLock = new DoorLock(_gpio, 17, activeLow, mode);
        doorLock.Unlock();

        doorLock.Dispose();

        Assert.Equal(doorLock.LevelFor(locked: true), _chip.GetOutput(17));
        Assert.True(doorLock.IsLocked);
    }

    [Theory]
    [InlineData(DoorFailMode.FailSecure, false)]
    [InlineData(DoorFailMode.FailSecure, true)]
    [InlineData(DoorFailMode.FailSafe, false)]
    [InlineData(DoorFailMode.FailSafe, true)]
    public void Stop_DoorInHoldOpen_LeavesLockLineLocked(DoorFailMode mode, bool activeLow)
    {
        using var rig = new DoorRig(o =>
        {
            o.Cabins["rest"].FailMode = mode;
            o.Cabins["rest"].LockActiveLow = activeLow;
        });
        var locked = rig.LockLine("rest");
        rig.Rest.SetMode(DoorMode.HoldOpen, DoorVia.Manual);
        Assert.NotEqual(locked, rig.LockLine("rest"));

        rig.Doors.Stop();

        Assert.Equal(locked, rig.LockLine("rest"));
    }

    public void Dispose() => _gpio.Dispose();
}
