using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// The board's hardware handles, created once at start from configuration: the only place that
/// chooses between the real chip and the simulation. Domain code receives peripherals built on
/// <see cref="Gpio"/>, never creates hardware itself.
/// </summary>
internal sealed class Board : IDisposable
{
    public Board(IOptions<BoardOptions> options)
    {
        var o = options.Value;
        if (o.Kind == BoardKind.Simulated)
        {
            Simulation = new SimulatedGpioDriver();
            Gpio = new GpioController(Simulation);
        }
        else
        {
            Gpio = new GpioController(new LibGpiodDriver(o.Chip));
        }

        Kind = o.Kind;
    }

    internal Board(SimulatedGpioDriver simulation)
    {
        Simulation = simulation;
        Gpio = new GpioController(simulation);
        Kind = BoardKind.Simulated;
    }

    public BoardKind Kind { get; }

    public GpioController Gpio { get; }

    /// <summary>The simulated chip, when the board is simulated; null on real hardware.</summary>
    public SimulatedGpioDriver? Simulation { get; }

    public void Dispose() => Gpio.Dispose();
}
