using System.Device.Gpio;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// An input line whose new level counts only after it has held for the debounce time: every edge
/// restarts the settle timer, so contact bounce inside the window never reaches the domain, and a
/// bounce that returns to the old level cancels the change altogether.
/// </summary>
internal sealed class DebouncedInput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly GpioController _gpio;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private PinValue _level;
    private PinValue _candidate;
    private long _generation;
    private ITimer? _settle;
    private bool _disposed;

    public DebouncedInput(GpioController gpio, int pin, InputBias bias, TimeSpan debounce, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        _gpio = gpio;
        _debounce = debounce;
        _time = time;
        Pin = pin;
        gpio.OpenPin(pin, ModeFor(bias));
        _level = gpio.Read(pin);
        _candidate = _level;
        gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);

        // An edge between the first read and the registration would otherwise be lost.
        Observe(gpio.Read(pin));
    }

    /// <summary>Raised with the new level once it has held for the debounce time.</summary>
    public event Action<PinValue>? Changed;

    public int Pin { get; }

    /// <summary>The debounced (accepted) level.</summary>
    public PinValue Level
    {
        get
        {
            lock (_gate)
            {
                return _level;
            }
        }
    }

    internal static PinMode ModeFor(InputBias bias) => bias switch
    {
        InputBias.PullUp => PinMode.InputPullUp,
        InputBias.PullDown => PinMode.InputPullDown,
        _ => PinMode.Input,
    };

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _settle?.Dispose();
            _settle = null;
        }

        _gpio.UnregisterCallbackForPinValueChangedEvent(Pin, OnEdge);
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e) =>
        Observe(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low);

    private void Observe(PinValue level)
    {
        bool acceptNow;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _generation++;
            _candidate = level;
            _settle?.Dispose();
            _settle = null;
            if (level == _level)
            {
                // Bounced back before settling: nothing happened.
                return;
            }

            acceptNow = _debounce == TimeSpan.Zero;
            if (!acceptNow)
            {
                _settle = _time.CreateTimer(Settle, _generation, _debounce, Timeout.InfiniteTimeSpan);
            }
        }

        if (acceptNow)
        {
            Settle(null);
        }
    }

    private void Settle(object? generation)
    {
        PinValue accepted;
        lock (_gate)
        {
            if (_disposed || (generation is long g && g != _generation) || _candidate == _level)
            {
                return;
            }

            _level = _candidate;
            accepted = _level;
        }

        Changed?.Invoke(accepted);
    }
}
