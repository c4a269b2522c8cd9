using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Intercom;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Actuators;

/// <summary>
/// <c>amp</c>: drives the amplifier enable line (<c>Intercom:AmpEnablePin</c>) on for
/// <see cref="DiagnosticsOptions.ActuatePulse"/>, reads it back, and puts back the level it had.
/// Listen at the loudspeaker: an enabled amplifier hisses or pops.
/// </summary>
internal sealed class AmpActuator(Board board, IntercomOptions intercom, IOptions<DiagnosticsOptions> options, TimeProvider time) : Actuator
{
    public override string Name => "amp";

    public override async ValueTask<JsonObject> RunAsync(JsonObject args, CancellationToken cancellationToken)
    {
        if (intercom.AmpEnablePin is not { } pin)
        {
            throw new ControlException("no amplifier enable line is configured (Intercom:AmpEnablePin)");
        }

        if (!board.Gpio.IsPinOpen(pin))
        {
            throw new ControlException($"the amplifier line GPIO {pin} is not open: the intercom has not started");
        }

        var on = intercom.AmpActiveLevel == LineLevel.High ? PinValue.High : PinValue.Low;
        var before = board.Gpio.Read(pin);
        PinValue during;
        try
        {
            board.Gpio.Write(pin, on);
            await Task.Delay(options.Value.ActuatePulse, time, cancellationToken).ConfigureAwait(false);
            during = board.Gpio.Read(pin);
        }
        finally
        {
            board.Gpio.Write(pin, before);
        }

        return new JsonObject
        {
            ["pin"] = pin,
            ["before"] = Level(before),
            ["during"] = Level(during),
            ["after"] = Level(board.Gpio.Read(pin)),
            ["enabled"] = during == on,
            ["seconds"] = options.Value.ActuatePulse.TotalSeconds,
        };
    }

    private static string Level(PinValue v) => v == PinValue.High ? "high" : "low";
}
