using System.Device.Gpio;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// A GPIO input seen as active/inactive: handles the wiring's active level and debounces edges
/// (a level must hold for the debounce time before it counts), on the injected clock.
/// </summary>
internal sealed class SensorInput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly ActiveLevel _level;
    private readonly TimeSpan _debounce;
    private readonly ITimer _settle;
    private bool _active;

    public SensorInput(GpioController gpio, int pin, ActiveLevel level, TimeSpan debounce, TimeProvider time)
    {
        _gpio = gpio;
        _pin = pin;
        _level = level;
        _debounce = debounce;

        // Pull the line to its idle level where the chip allows it, so an unwired input reads inactive.
        var pull = level == ActiveLevel.Low ? PinMode.InputPullUp : PinMode.InputPullDown;
        gpio.OpenPin(pin, gpio.IsPinModeSupported(pin, pull) ? pull : PinMode.Input);
        _active = ReadActive();
        _settle = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    /// <summary>Raised with the new debounced state (true = active), on the timer's thread.</summary>
    public event Action<bool>? Changed;

    public int Pin => _pin;

    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    public void Dispose()
    {
        _settle.Dispose();
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _gpio.ClosePin(_pin);
    }

    private bool ReadActive() => (_gpio.Read(_pin) == PinValue.High) == (_level == ActiveLevel.High);

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        if (_debounce <= TimeSpan.Zero)
        {
            Settle();
            return;
        }

        // Every edge restarts the wait: only a level that stays put for the whole debounce time counts.
        _settle.Change(_debounce, Timeout.InfiniteTimeSpan);
    }

    private void Settle()
    {
        bool now;
        lock (_gate)
        {
            now = ReadActive();
            if (now == _active)
            {
                return;
            }

            _active = now;
        }

        Changed?.Invoke(now);
    }
}
