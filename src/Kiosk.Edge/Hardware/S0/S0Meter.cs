using System.Device.Gpio;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Hardware.S0;

/// <summary>
/// The S0 pulse output of a DIN-rail kWh meter (DIN 43864 / EN 62053-31) counted on a GPIO line.
/// Specification summary: https://de.wikipedia.org/wiki/S0-Schnittstelle (pulses of at least 30 ms,
/// one per 1/impulses-per-kWh of energy).
/// Power comes from the interval between the last two pulses, W = 3 600 000 / (imp/kWh x seconds);
/// when pulses stop it decays: never more than the power the time since the last pulse implies.
/// Energy comes from the count. Pulses shorter than the minimum width are contact bounce and ignored.
/// Edge times come from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class S0Meter : PowerMeter
{
    private readonly Lock _gate = new();
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly int _impulsesPerKwh;
    private readonly TimeSpan _minPulseWidth;
    private readonly bool _activeLow;
    private readonly TimeProvider _time;
    private long? _pulseStart;
    private long? _lastPulse;
    private TimeSpan? _lastInterval;
    private long _count;

    public S0Meter(GpioController gpio, int pin, int impulsesPerKwh, TimeSpan minPulseWidth, bool activeLow, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(impulsesPerKwh, 1);
        _gpio = gpio;
        _pin = pin;
        _impulsesPerKwh = impulsesPerKwh;
        _minPulseWidth = minPulseWidth;
        _activeLow = activeLow;
        _time = time;
        // The S0 output is an open collector: the wiring supplies the pull (docs/power.md).
        _gpio.OpenPin(pin, PinMode.Input);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    /// <summary>Between pulses the power legitimately holds; a repeated value is not a stuck sensor.</summary>
    public override bool ReportsContinuously => false;

    /// <summary>Pulses counted (bounce excluded) since the meter was opened.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public override MeterReading Read()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            var wattHours = _count * 1000.0 / _impulsesPerKwh;
            if (_lastPulse is not { } last || _lastInterval is not { } interval)
            {
                return new MeterReading(0, wattHours);
            }

            var watts = WattsFor(interval);
            var since = _time.GetElapsedTime(last, now);
            if (since > interval)
            {
                watts = Math.Min(watts, WattsFor(since));
            }

            return new MeterReading(watts, wattHours);
        }
    }

    protected override void Dispose(bool disposing)
    {
        // At shutdown the controller may have closed its lines already (it is disposed with the board);
        // unregistering from a closed line throws, and a throw here turns a clean stop into an abort.
        if (disposing && _gpio.IsPinOpen(_pin))
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
            _gpio.ClosePin(_pin);
        }
    }

    private double WattsFor(TimeSpan interval) => 3_600_000.0 / (_impulsesPerKwh * interval.TotalSeconds);

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        var now = _time.GetTimestamp();
        var active = (e.ChangeType == PinEventTypes.Falling) == _activeLow;
        lock (_gate)
        {
            if (active)
            {
                _pulseStart = now;
                return;
            }

            if (_pulseStart is not { } start)
            {
                return;
            }

            _pulseStart = null;
            if (_time.GetElapsedTime(start, now) < _minPulseWidth)
            {
                return; // bounce: too short to be a DIN 43864 pulse
            }

            _count++;
            if (_lastPulse is { } previous)
            {
                _lastInterval = _time.GetElapsedTime(previous, start);
            }

            _lastPulse = start;
        }
    }
}
