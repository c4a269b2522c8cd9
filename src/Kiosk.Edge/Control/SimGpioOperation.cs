using System.Device.Gpio;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Control;

/// <summary>
/// <c>kioskctl sim gpio [--follow]</c>: the simulated chip's open lines with their mode and level, so a
/// developer (or an end-to-end test) sees what a relay would do on the real board. With
/// <c>follow</c>, it then streams one line per output change, <c>{"pin","level","t_ns"}</c>, where
/// <c>t_ns</c> is the service's monotonic clock (<see cref="TimeProvider.GetTimestamp"/>; CLOCK_MONOTONIC
/// on Linux) in nanoseconds at the moment the level was written, comparable with another process's
/// monotonic clock on the same machine (deploy/measure.py times scan to relay with it).
/// </summary>
internal sealed class SimGpioOperation(Board board, TimeProvider time) : ControlOperation
{
    public override string Name => "sim.gpio";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var chip = board.Simulation ?? throw new ControlException("sim.gpio needs the simulated board (Board:Kind=Simulated)");
        if (!(args["follow"]?.GetValue<bool>() ?? false))
        {
            return Lines(chip);
        }

        var changes = Channel.CreateBounded<(int Pin, PinValue Value, long Timestamp)>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        // Stamped in the writer's thread, before anything is queued: the time the relay line moved.
        void OnChanged(int pin, PinValue value) => changes.Writer.TryWrite((pin, value, time.GetTimestamp()));
        chip.OutputChanged += OnChanged;
        try
        {
            await session.WriteAsync(Lines(chip), cancellationToken).ConfigureAwait(false);
            await foreach (var (pin, value, timestamp) in changes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await session.WriteAsync(
                    new JsonObject { ["pin"] = pin, ["level"] = Level(value), ["t_ns"] = Nanoseconds(timestamp) },
                    cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        finally
        {
            chip.OutputChanged -= OnChanged;
        }
    }

    private JsonObject Lines(SimulatedGpioDriver chip)
    {
        var lines = new JsonObject();
        for (var pin = 0; pin < 64; pin++)
        {
            if (chip.GetMode(pin) is { } mode)
            {
                var level = mode == PinMode.Output ? chip.GetOutput(pin) : board.Gpio.Read(pin);
                lines[pin.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["mode"] = mode.ToString(),
                    ["level"] = Level(level),
                };
            }
        }

        return lines;
    }

    private static string Level(PinValue value) => value == PinValue.High ? "high" : "low";

    private long Nanoseconds(long timestamp) => (long)((Int128)timestamp * 1_000_000_000 / time.TimestampFrequency);
}
