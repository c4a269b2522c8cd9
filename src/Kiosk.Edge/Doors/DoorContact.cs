using System.Device.Gpio;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors;

/// <summary>A door contact (reed switch), spoken to as open/closed over a debounced input.</summary>
internal sealed class DoorContact : IDisposable
{
    private readonly DebouncedInput _input;
    private readonly PinValue _closed;

    public DoorContact(DebouncedInput input, LineLevel closedLevel)
    {
        _input = input;
        _closed = closedLevel == LineLevel.High ? PinValue.High : PinValue.Low;
        _input.Changed += level => Changed?.Invoke(level != _closed);
    }

    /// <summary>Raised with true when the door has opened, false when it has closed.</summary>
    public event Action<bool>? Changed;

    public bool IsOpen => _input.Level != _closed;

    public void Dispose() => _input.Dispose();
}
