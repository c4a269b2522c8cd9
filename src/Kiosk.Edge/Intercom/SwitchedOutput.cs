using System.Device.Gpio;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// An on/off GPIO output (help indicator, amplifier enable) that hides the wiring's active level.
/// Without a pin it only remembers its state, so a kiosk without that part still works.
/// </summary>
internal sealed class SwitchedOutput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioController? _gpio;
    private readonly int _pin;
    private readonly LineLevel _level;
    private bool _on;

    public SwitchedOutput(GpioController? gpio, int? pin, LineLevel level)
    {
        _level = level;
        if (gpio is not null && pin is { } p)
        {
            _gpio = gpio;
            _pin = p;
            gpio.OpenPin(p, PinMode.Output);
            gpio.Write(p, Level(false));
        }
    }

    public bool IsOn
    {
        get
        {
            lock (_gate)
            {
                return _on;
            }
        }
    }

    public void Set(bool on)
    {
        lock (_gate)
        {
            _on = on;
            _gpio?.Write(_pin, Level(on));
        }
    }

    public void Dispose()
    {
        if (_gpio is not null)
        {
            Set(false);
            _gpio.ClosePin(_pin);
        }
    }

    private PinValue Level(bool on) => on == (_level == LineLevel.High) ? PinValue.High : PinValue.Low;
}
