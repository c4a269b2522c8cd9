using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.S0;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Hardware.S0;

public sealed class S0MeterTests : IDisposable
{
    private const int Pin = 23;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;
    private readonly S0Meter _meter;

    public S0MeterTests()
    {
        _gpio = new GpioController(_chip);
        _chip.SetInput(Pin, PinValue.High); // idle: the open collector is off, the pull-up holds the line high
        _meter = new S0Meter(_gpio, Pin, impulsesPerKwh: 1000, TimeSpan.FromMilliseconds(30), activeLow: true, _time);
    }

    [Fact]
    public void Read_NoPulseYet_ZeroWattsZeroEnergy()
    {
        var reading = _meter.Read();

        Assert.Equal(0, reading.Watts);
        Assert.Equal(0, reading.WattHours);
        Assert.False(_meter.ReportsContinuously);
    }

    [Fact]
    public void Read_PulsesEvery1800Ms_2000WattsFromInterval()
    {
        // 1000 imp/kWh: one pulse per Wh; 2000 W is 2000 Wh/h = one pulse every 1.8 s.
        Pulse();
        Wait(1800 - 50);
        Pulse();
        Wait(1800 - 50);
        Pulse();

        var reading = _meter.Read();

        Assert.Equal(2000, reading.Watts, precision: 6);
        Assert.Equal(3, reading.WattHours);
        Assert.Equal(3, _meter.Count);
    }

    [Fact]
    public void Read_ShortGlitches_IgnoredAsContactBounce()
    {
        Pulse();
        Wait(500);
        Pulse(widthMs: 5); // shorter than the 30 ms DIN 43864 minimum
        Wait(500);
        Pulse(widthMs: 29);
        Wait(1800 - 50 - 500 - 5 - 500 - 29);
        Pulse();

        Assert.Equal(2, _meter.Count);
        Assert.Equal(2000, _meter.Read().Watts, precision: 6);
    }

    [Fact]
    public void Read_BouncingLeadingEdge_CountsOnePulseFromItsSettledStart()
    {
        Pulse();
        Wait(1800 - 50);
        // Contact bounce: low 2 ms, high 1 ms, then low for 60 ms.
        _chip.SetInput(Pin, PinValue.Low);
        Wait(2);
        _chip.SetInput(Pin, PinValue.High);
        Wait(1);
        _chip.SetInput(Pin, PinValue.Low);
        Wait(60);
        _chip.SetInput(Pin, PinValue.High);

        Assert.Equal(2, _meter.Count);
        // The pulse is timed from the edge that held: 1800 + 3 ms after the first.
        Assert.Equal(3_600_000.0 / (1000 * 1.803), _meter.Read().Watts, precision: 6);
    }

    [Fact]
    public void Read_PulsesStop_PowerDecaysWithTimeSinceLastPulse()
    {
        Pulse();
        Wait(1800 - 50);
        Pulse();
        Assert.Equal(2000, _meter.Read().Watts, precision: 6);

        Wait(1800 - 50); // exactly the last interval: no evidence yet that the load dropped
        Assert.Equal(2000, _meter.Read().Watts, precision: 6);

        Wait(1800); // 3.6 s since the last pulse: at most 1000 W
        Assert.Equal(1000, _meter.Read().Watts, precision: 6);

        Wait(3_600_000 - 3600); // an hour: at most 1 W
        Assert.Equal(1, _meter.Read().Watts, precision: 6);
        Assert.Equal(2, _meter.Read().WattHours);
    }

    [Fact]
    public void Read_ActiveHighWiring_CountsRisingPulses()
    {
        using var gpio = new GpioController(_chip);
        _chip.SetInput(24, PinValue.Low);
        using var meter = new S0Meter(gpio, 24, impulsesPerKwh: 2000, TimeSpan.FromMilliseconds(30), activeLow: false, _time);
        for (var i = 0; i < 2; i++)
        {
            _chip.SetInput(24, PinValue.High);
            Wait(40);
            _chip.SetInput(24, PinValue.Low);
            Wait(900 - 40);
        }

        // 2000 imp/kWh, 0.9 s apart: 3 600 000 / (2000 x 0.9) = 2000 W.
        Assert.Equal(2, meter.Count);
        Assert.Equal(2000, meter.Read().Watts, precision: 6);
        Assert.Equal(1.0, meter.Read().WattHours);
    }

    public void Dispose()
    {
        _meter.Dispose();
        _gpio.Dispose();
    }

    private void Pulse(int widthMs = 50)
    {
        _chip.SetInput(Pin, PinValue.Low);
        Wait(widthMs);
        _chip.SetInput(Pin, PinValue.High);
    }

    private void Wait(int ms) => _time.Advance(TimeSpan.FromMilliseconds(ms));
}
