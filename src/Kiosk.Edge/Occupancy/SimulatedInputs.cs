using System.Device.Gpio;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Drives simulated inputs the way wiring would, holding each level past the board's debounce
/// time (waiting on the clock, never blocking a thread) so the service sees clean edges.
/// </summary>
internal sealed class SimulatedInputs(Board board, TimeProvider time)
{
    private TimeSpan Hold => board.Debounce + board.Debounce + TimeSpan.FromMilliseconds(20);

    public SimulatedGpioDriver Chip(string operation) =>
        board.Simulation ?? throw new ControlException($"{operation} needs the simulated board (Board:Kind=Simulated)");

    /// <summary>Sets an input to active or inactive and waits until the service has taken it.</summary>
    public async Task SetAsync(string operation, int pin, LineLevel level, bool active, CancellationToken cancellationToken)
    {
        var value = active == (level == LineLevel.High) ? PinValue.High : PinValue.Low;
        Chip(operation).SetInput(pin, value);
        await Task.Delay(Hold, time, cancellationToken).ConfigureAwait(false);
    }
}
