using System.Device.Gpio;

namespace Kiosk.Edge.Doors;

/// <summary>
/// A lock relay, spoken to as Locked/Unlocked: the wiring (active-low relay board, fail-safe or
/// fail-secure lock) is resolved here and nowhere else.
/// <para>
/// A fail-secure lock is locked with its relay de-energised, a fail-safe lock (maglock) with it
/// energised. The lock is driven to Locked when it is created (the line is opened already at the
/// locked level, without a glitch) and again when it is disposed at shutdown. After the service
/// ends, the line keeps that level only as long as the kernel keeps a released output driven:
/// a fail-secure lock therefore stays locked in any case (de-energised is locked), while a
/// fail-safe lock stays locked only while the board is powered and the output persists, and opens
/// when power or the line goes away, which is what fail-safe means. Egress without the service
/// (a mechanical handle, or the maglock's hard-wired emergency release) is the installation's
/// job: software cannot keep an exit button working when it is not running.
/// </para>
/// </summary>
internal sealed class DoorLock : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioController _gpio;
    private readonly bool _activeLow;
    private readonly DoorFailMode _failMode;
    private bool _locked;

    public DoorLock(GpioController gpio, int pin, bool activeLow, DoorFailMode failMode)
    {
        _gpio = gpio;
        _activeLow = activeLow;
        _failMode = failMode;
        Pin = pin;
        _locked = true;
        gpio.OpenPin(pin, PinMode.Output, LevelFor(locked: true));
    }

    public int Pin { get; }

    public bool IsLocked
    {
        get
        {
            lock (_gate)
            {
                return _locked;
            }
        }
    }

    public void Lock() => Set(locked: true);

    public void Unlock() => Set(locked: false);

    /// <summary>Leaves the door locked where the hardware can hold it (see the class remarks).</summary>
    public void Dispose() => Lock();

    /// <summary>The line level that puts the lock in the given state.</summary>
    internal PinValue LevelFor(bool locked)
    {
        var energised = _failMode == DoorFailMode.FailSafe ? locked : !locked;
        return energised != _activeLow ? PinValue.High : PinValue.Low;
    }

    private void Set(bool locked)
    {
        lock (_gate)
        {
            // Written every time, not only on change: a relay line disturbed from outside is corrected on the next command.
            _gpio.Write(Pin, LevelFor(locked));
            _locked = locked;
        }
    }
}
