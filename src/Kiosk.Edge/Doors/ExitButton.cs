using System.Device.Gpio;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors;

/// <summary>The exit button inside a cabin, over a debounced input: raises <see cref="Pressed"/> on each press.</summary>
internal sealed class ExitButton : IDisposable
{
    private readonly DebouncedInput _input;
    private readonly PinValue _active;

    public ExitButton(DebouncedInput input, LineLevel activeLevel)
    {
        _input = input;
        _active = activeLevel == LineLevel.High ? PinValue.High : PinValue.Low;
        _input.Changed += level =>
        {
            if (level == _active)
            {
                Pressed?.Invoke();
            }
        };
    }

    public event Action? Pressed;

    public void Dispose() => _input.Dispose();
}
