using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Control;

/// <summary>
/// <c>kioskctl sim gpio</c>: the simulated chip's open lines with their mode and level, so a
/// developer (or an end-to-end test) sees what a relay would do on the real board.
/// </summary>
internal sealed class SimGpioOperation(Board board) : ControlOperation
{
    public override string Name => "sim.gpio";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var chip = board.Simulation ?? throw new ControlException("sim.gpio needs the simulated board (Board:Kind=Simulated)");
        var lines = new JsonObject();
        for (var pin = 0; pin < 64; pin++)
        {
            if (chip.GetMode(pin) is { } mode)
            {
                var level = mode == System.Device.Gpio.PinMode.Output ? chip.GetOutput(pin) : board.Gpio.Read(pin);
                lines[pin.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["mode"] = mode.ToString(),
                    ["level"] = level == System.Device.Gpio.PinValue.High ? "high" : "low",
                };
            }
        }

        return ValueTask.FromResult<JsonNode?>(lines);
    }
}
