using System.Device.Gpio;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// A GPIO chip in memory: the simulated board's sibling of the libgpiod driver. Outputs written by
/// the service are observable (<see cref="GetOutput"/>, <see cref="OutputChanged"/>); inputs are
/// driven by the simulation or a test (<see cref="SetInput"/>) and raise edge callbacks like a chip.
/// Pin modes are tracked, because <see cref="GpioController"/> consults them.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinState> _pins = [];

    public SimulatedGpioDriver(int pinCount = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        PinCount = pinCount;
    }

    /// <summary>Raised when the service writes a different level to an output pin.</summary>
    public event Action<int, PinValue>? OutputChanged;

    protected override int PinCount { get; }

    /// <summary>The level the service last wrote to a pin (Low when never written).</summary>
    public PinValue GetOutput(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var s) ? s.Value : PinValue.Low;
        }
    }

    public PinMode? GetMode(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var s) && s.Open ? s.Mode : null;
        }
    }

    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var s) && s.Open;
        }
    }

    /// <summary>
    /// Simulates a stuck input (a jammed reed switch, a broken wire): while frozen the line keeps its
    /// level and ignores <see cref="SetInput"/>. Used by diagnostics fault injection.
    /// </summary>
    public void Freeze(int pin, bool frozen)
    {
        lock (_gate)
        {
            Get(pin).Frozen = frozen;
        }
    }

    /// <summary>Drives an input line from outside, as wiring would; raises edge callbacks on a change.</summary>
    public void SetInput(int pin, PinValue value)
    {
        PinChangeEventHandler[] handlers;
        PinEventTypes edge;
        lock (_gate)
        {
            var s = Get(pin);
            if (s.External == value || s.Frozen)
            {
                return;
            }

            s.External = value;
            edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = [.. s.Callbacks.Where(c => (c.Events & edge) != 0).Select(c => c.Handler)];
            foreach (var waiter in s.Waiters.Where(w => (w.Events & edge) != 0).ToList())
            {
                s.Waiters.Remove(waiter);
                waiter.Completion.TrySetResult(edge);
            }
        }

        foreach (var handler in handlers)
        {
            handler(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        ValidatePin(pinNumber);
        lock (_gate)
        {
            Get(pinNumber).Open = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            if (_pins.TryGetValue(pinNumber, out var s))
            {
                s.Open = false;
                s.Callbacks.Clear();
            }
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            Get(pinNumber).Mode = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return Get(pinNumber).Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            var s = Get(pinNumber);
            if (s.Mode == PinMode.Output)
            {
                return s.Value;
            }

            // An unconnected input floats to its pull; the simulation drives it otherwise.
            return s.External ?? (s.Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low);
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        bool changed;
        lock (_gate)
        {
            var s = Get(pinNumber);
            changed = s.Value != value;
            s.Value = value;
        }

        if (changed)
        {
            OutputChanged?.Invoke(pinNumber, value);
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(eventTypes, new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            Get(pinNumber).Waiters.Add(waiter);
        }

        try
        {
            var edge = waiter.Completion.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
            return new WaitForEventResult { EventTypes = edge, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                Get(pinNumber).Waiters.Remove(waiter);
            }

            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Get(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Get(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private void ValidatePin(int pin)
    {
        if (pin < 0 || pin >= PinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"The simulated chip has lines 0..{PinCount - 1}.");
        }
    }

    private PinState Get(int pin)
    {
        if (!_pins.TryGetValue(pin, out var s))
        {
            s = new PinState();
            _pins[pin] = s;
        }

        return s;
    }

    private sealed record Waiter(PinEventTypes Events, TaskCompletionSource<PinEventTypes> Completion);

    private sealed class PinState
    {
        public bool Open { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Value { get; set; } = PinValue.Low;

        public PinValue? External { get; set; }

        public bool Frozen { get; set; }

        public List<(PinEventTypes Events, PinChangeEventHandler Handler)> Callbacks { get; } = [];

        public List<Waiter> Waiters { get; } = [];
    }
}
