using System.Device.Gpio;
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
            ChipName = "simulated chip";
        }
        else
        {
            Gpio = new GpioController(LibgpiodDriverFactory.Create(o.Chip, o.LibgpiodVersion));
            ChipName = $"gpiochip{o.Chip}";
        }

        Kind = o.Kind;
        Debounce = o.Debounce;
    }

    internal Board(SimulatedGpioDriver simulation, TimeSpan? debounce = null)
        : this(new GpioController(simulation), simulation, BoardKind.Simulated, debounce ?? TimeSpan.FromMilliseconds(30))
    {
    }

    /// <summary>For tests: any controller, with or without a simulation handle.</summary>
    internal Board(GpioController gpio, SimulatedGpioDriver? simulation, BoardKind kind, TimeSpan debounce)
    {
        Gpio = gpio;
        Simulation = simulation;
        Kind = kind;
        ChipName = simulation is null ? "test chip" : "simulated chip";
        Debounce = debounce;
    }

    public BoardKind Kind { get; }

    public GpioController Gpio { get; }

    /// <summary>The simulated chip, when the board is simulated; null on real hardware.</summary>
    public SimulatedGpioDriver? Simulation { get; }

    /// <summary>For messages: gpiochipN, or the simulated chip.</summary>
    public string ChipName { get; }

    /// <summary>Lines 0..PinCount-1 exist on the chip.</summary>
    public int PinCount => Gpio.PinCount;

    /// <summary>How long an input must hold a new level before it counts (<c>Board:Debounce</c>).</summary>
    public TimeSpan Debounce { get; }

    /// <summary>
    /// Opens a debounced input on this board's chip. A bias the chip or libgpiod cannot set (libgpiod
    /// before 1.5 has no pull-ups) stops the service at start, naming <paramref name="biasKey"/>.
    /// </summary>
    public DebouncedInput OpenInput(int pin, InputBias bias, string biasKey, TimeProvider time)
    {
        var mode = DebouncedInput.ModeFor(bias);
        if (!Gpio.IsPinModeSupported(pin, mode))
        {
            throw new InvalidOperationException(
                $"{biasKey} {bias}: GPIO {pin} of the {ChipName} does not support {mode}; set {biasKey} to None and fit an external resistor");
        }

        return new DebouncedInput(Gpio, pin, bias, Debounce, time);
    }

    public void Dispose() => Gpio.Dispose();
}
