using System.Device.Gpio;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// A debounced board input seen as active/inactive (beam interrupted, motion, button pressed):
/// the wiring's active level stays here, callers never see High/Low.
/// </summary>
internal sealed class SensorInput : IDisposable
{
    private readonly DebouncedInput _input;
    private readonly LineLevel _active;

    /// <param name="biasKey">The configuration key of <paramref name="bias"/>, named if the chip cannot set it.</param>
    public SensorInput(Board board, int pin, LineLevel active, InputBias bias, string biasKey, TimeProvider time)
    {
        _active = active;
        _input = board.OpenInput(pin, bias, biasKey, time);
        _input.Changed += level => Changed?.Invoke(IsActiveLevel(level));
    }

    /// <summary>Raised with the new debounced state (true = active).</summary>
    public event Action<bool>? Changed;

    public int Pin => _input.Pin;

    public bool IsActive => IsActiveLevel(_input.Level);

    public void Dispose() => _input.Dispose();

    private bool IsActiveLevel(PinValue level) => (level == PinValue.High) == (_active == LineLevel.High);
}
