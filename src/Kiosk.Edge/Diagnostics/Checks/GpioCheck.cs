using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>gpio</c>: the chip is there (/dev/gpiochipN on the board) and every configured line is held
/// open by the service, i.e. claimed by us and not by another process. An enabled bus's pins (I2C, UART, SPI)
/// are not counted: the bus's kernel driver holds them.
/// </summary>
internal sealed class GpioCheck : DiagnosticCheck
{
    private readonly BoardKind _kind;
    private readonly GpioController _gpio;
    private readonly string _chipName;
    private readonly string _chipPath;
    private readonly Func<IReadOnlyDictionary<int, string>> _lines;

    public GpioCheck(Board board, PinRegistry pins, IOptions<BoardOptions> boardOptions, IOptions<DiagnosticsOptions> options)
        : this(board.Kind, board.Gpio, board.ChipName, Path.Combine(options.Value.DeviceDirectory, $"gpiochip{boardOptions.Value.Chip}"), () => pins.GpioLines)
    {
    }

    internal GpioCheck(BoardKind kind, GpioController gpio, string chipName, string chipPath, Func<IReadOnlyDictionary<int, string>> lines)
    {
        _kind = kind;
        _gpio = gpio;
        _chipName = chipName;
        _chipPath = chipPath;
        _lines = lines;
    }

    public override string Name => "gpio";

    public override string Category => "hardware";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (_kind != BoardKind.Simulated && !Path.Exists(_chipPath))
        {
            return ValueTask.FromResult(CheckResult.Fail(
                $"{_chipPath} does not exist",
                "the GPIO chip is missing: check Board:Chip against `ls /dev/gpiochip*`, that the board's kernel exposes the chip and that the udev rule gives the service access"));
        }

        var lines = _lines();
        var notHeld = lines.Where(l => !_gpio.IsPinOpen(l.Key)).OrderBy(l => l.Key).Select(l => $"GPIO {l.Key} ({l.Value})").ToList();
        if (notHeld.Count > 0)
        {
            return ValueTask.FromResult(CheckResult.Fail(
                $"{notHeld.Count} of {lines.Count} configured lines not held by the service: {string.Join(", ", notHeld)}",
                "the service did not claim these lines (another process may hold them: `gpioinfo` shows each line's consumer); restart kiosk-edge and read its log"));
        }

        var where = _kind == BoardKind.Simulated ? $"{_chipName} (simulated)" : $"{_chipName} ({_chipPath})";
        return ValueTask.FromResult(CheckResult.Pass($"{where}: all {lines.Count} configured lines held by the service"));
    }
}
