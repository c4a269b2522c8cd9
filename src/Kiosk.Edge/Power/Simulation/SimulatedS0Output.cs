using System.Device.Gpio;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// The S0 output of a simulated kWh meter: pulls its line on the simulated chip for 50 ms once per
/// 1/impulses-per-kWh of the load's energy, while the circuit's relay is on. Timed by the
/// <see cref="TimeProvider"/>, so the real <see cref="Hardware.S0.S0Meter"/> counts simulated pulses.
/// </summary>
internal sealed class SimulatedS0Output : IDisposable
{
    private static readonly TimeSpan PulseWidth = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly SimulatedGpioDriver _chip;
    private readonly int _pin;
    private readonly int _impulsesPerKwh;
    private readonly bool _activeLow;
    private readonly SimulatedLoad _load;
    private readonly Func<bool> _fed;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private bool _inPulse;
    private DateTimeOffset _pulseStart;

    public SimulatedS0Output(SimulatedGpioDriver chip, int pin, int impulsesPerKwh, bool activeLow, SimulatedLoad load, Func<bool> fed, TimeProvider time)
    {
        _chip = chip;
        _pin = pin;
        _impulsesPerKwh = impulsesPerKwh;
        _activeLow = activeLow;
        _load = load;
        _fed = fed;
        _time = time;
        _chip.SetInput(pin, Level(active: false));
        _timer = time.CreateTimer(_ => Tick(), null, Idle, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();

    private PinValue Level(bool active) => active ^ _activeLow ? PinValue.High : PinValue.Low;

    private void Tick()
    {
        if (_inPulse)
        {
            _inPulse = false;
            _chip.SetInput(_pin, Level(active: false));
            _timer.Change(NextGap(), Timeout.InfiniteTimeSpan);
            return;
        }

        var watts = _fed() ? _load.Draw() : 0;
        if (watts <= 0)
        {
            _timer.Change(Idle, Timeout.InfiniteTimeSpan);
            return;
        }

        _inPulse = true;
        _pulseStart = _time.GetUtcNow();
        _chip.SetInput(_pin, Level(active: true));
        _timer.Change(PulseWidth, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Time from now to the start of the next pulse at the present draw, counted from this pulse's start so timer latency does not add up.</summary>
    private TimeSpan NextGap()
    {
        var watts = _fed() ? _load.Draw() : 0;
        if (watts <= 0)
        {
            return Idle;
        }

        var next = _pulseStart + TimeSpan.FromSeconds(3_600_000.0 / (_impulsesPerKwh * watts));
        var gap = next - _time.GetUtcNow();
        return gap > TimeSpan.FromMilliseconds(1) ? gap : TimeSpan.FromMilliseconds(1);
    }
}
