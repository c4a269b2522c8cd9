using System.Device.Gpio;

namespace Kiosk.Edge.Power;

/// <summary>
/// The relay that feeds one circuit. Speaks on/off; active-low driver boards are handled here, so
/// callers never see levels.
/// </summary>
internal sealed class CircuitRelay
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly bool _activeLow;

    public CircuitRelay(GpioController gpio, int pin, bool activeLow)
    {
        _gpio = gpio;
        _pin = pin;
        _activeLow = activeLow;
        // Open de-energised: the guard decides what comes on, not the order of start-up.
        _gpio.OpenPin(pin, PinMode.Output, Level(on: false));
    }

    /// <summary>Whether the circuit is fed, read back from the output line.</summary>
    public bool IsOn => _gpio.Read(_pin) == Level(on: true);

    public void Switch(bool on)
    {
        if (IsOn != on)
        {
            _gpio.Write(_pin, Level(on));
        }
    }

    private PinValue Level(bool on) => on ^ _activeLow ? PinValue.High : PinValue.Low;
}
