using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Hardware;

public sealed class DebouncedInputTests : IDisposable
{
    private const int Pin = 27;
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;
    private readonly DebouncedInput _input;
    private readonly List<PinValue> _changes = [];

    public DebouncedInputTests()
    {
        _gpio = new GpioController(_chip);
        _input = new DebouncedInput(_gpio, Pin, InputBias.PullUp, Debounce, _time);
        _input.Changed += _changes.Add;
    }

    [Fact]
    public void Open_PullUpUndriven_StartsHigh()
    {
        Assert.Equal(PinValue.High, _input.Level);
        Assert.Equal(PinMode.InputPullUp, _chip.GetMode(Pin));
    }

    [Fact]
    public void Edge_HeldForDebounce_IsAcceptedOnce()
    {
        _chip.SetInput(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(29));
        Assert.Empty(_changes);
        Assert.Equal(PinValue.High, _input.Level);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([PinValue.Low], _changes);
        Assert.Equal(PinValue.Low, _input.Level);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(_changes);
    }

    [Fact]
    public void Bounce_InsideWindow_RestartsTheWindow()
    {
        // Contact bounce: Low, High, Low, High, Low at 5 ms intervals, then a steady Low.
        foreach (var level in new[] { PinValue.Low, PinValue.High, PinValue.Low, PinValue.High, PinValue.Low })
        {
            _chip.SetInput(Pin, level);
            _time.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.Empty(_changes);
        _time.Advance(TimeSpan.FromMilliseconds(24));
        Assert.Empty(_changes);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([PinValue.Low], _changes);
    }

    [Fact]
    public void Glitch_BackToOldLevelBeforeSettling_IsIgnored()
    {
        _chip.SetInput(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _chip.SetInput(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_changes);
        Assert.Equal(PinValue.High, _input.Level);
    }

    [Fact]
    public void Release_AfterAcceptedPress_IsDebouncedToo()
    {
        _chip.SetInput(Pin, PinValue.Low);
        _time.Advance(Debounce);
        _chip.SetInput(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        _chip.SetInput(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        _chip.SetInput(Pin, PinValue.High);
        _time.Advance(Debounce);

        Assert.Equal([PinValue.Low, PinValue.High], _changes);
    }

    [Fact]
    public void Edge_ZeroDebounce_IsAcceptedAtOnce()
    {
        using var input = new DebouncedInput(_gpio, 22, InputBias.PullDown, TimeSpan.Zero, _time);
        var seen = new List<PinValue>();
        input.Changed += seen.Add;

        _chip.SetInput(22, PinValue.High);

        Assert.Equal([PinValue.High], seen);
    }

    [Fact]
    public void Dispose_PendingChange_IsNeverRaised()
    {
        _chip.SetInput(Pin, PinValue.Low);
        _input.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_changes);
    }

    public void Dispose()
    {
        _input.Dispose();
        _gpio.Dispose();
    }
}
