using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Actuators;

/// <summary>
/// <c>lock</c> {door?}: releases the door's lock for <see cref="DiagnosticsOptions.ActuatePulse"/>
/// (a manual opening, recorded as door.opened via manual), reads the relay line back, relocks and
/// reads it again, and reports whether the door contact changed meanwhile.
/// </summary>
internal sealed class LockActuator(DoorRegistry doors, Board board, IOptions<DiagnosticsOptions> options, TimeProvider time) : Actuator
{
    public override string Name => "lock";

    public override async ValueTask<JsonObject> RunAsync(JsonObject args, CancellationToken cancellationToken)
    {
        var door = SimDoorArguments.Door(args, doors);
        var pin = door.Wiring.LockPin;
        var contactBefore = door.IsOpen;
        var lineBefore = board.Gpio.Read(pin);
        if (!door.Open(new DoorOpening(DoorVia.Manual, null, "maintenance")))
        {
            throw new Kiosk.Edge.Control.ControlException($"door {door.Id} refused the opening");
        }

        PinValue lineReleased;
        bool lockReleased;
        bool contactDuring;
        try
        {
            await Task.Delay(options.Value.ActuatePulse, time, cancellationToken).ConfigureAwait(false);
            lineReleased = board.Gpio.Read(pin);
            lockReleased = !door.IsLocked;
            contactDuring = door.IsOpen;
        }
        finally
        {
            door.Lock(DoorVia.Manual);
        }

        var lineLocked = board.Gpio.Read(pin);
        return new JsonObject
        {
            ["door"] = door.Id,
            ["pin"] = pin,
            ["released"] = new JsonObject { ["lock"] = lockReleased ? "unlocked" : "locked", ["line"] = Level(lineReleased) },
            ["relocked"] = new JsonObject { ["lock"] = door.IsLocked ? "locked" : "unlocked", ["line"] = Level(lineLocked) },
            ["lineBefore"] = Level(lineBefore),
            ["relayMoved"] = lineReleased != lineLocked,
            ["contact"] = new JsonObject
            {
                ["before"] = contactBefore ? "open" : "closed",
                ["during"] = contactDuring ? "open" : "closed",
                ["after"] = door.IsOpen ? "open" : "closed",
                ["changed"] = contactBefore != contactDuring || contactDuring != door.IsOpen,
            },
        };
    }

    private static string Level(PinValue v) => v == PinValue.High ? "high" : "low";
}
