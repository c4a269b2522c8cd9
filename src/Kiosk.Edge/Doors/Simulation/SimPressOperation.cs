using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors.Simulation;

/// <summary>
/// <c>sim.press</c> {button:"exit", door?}: presses the exit button on the simulated chip, holds it
/// past the debounce time (awaited on the TimeProvider, not blocking a thread), then releases it.
/// </summary>
internal sealed class SimPressOperation(Board board, DoorRegistry doors, TimeProvider time) : ControlOperation
{
    public override string Name => "sim.press";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var chip = SimDoorArguments.RequireSimulation(board, Name);
        SimDoorArguments.RequiredString(args, "button", "exit");
        var door = SimDoorArguments.Door(args, doors);
        var pin = door.Wiring.ExitButtonPin;

        chip.SetInput(pin, DoorSimulation.ExitButtonLevel(door.Wiring, pressed: true));
        try
        {
            await Task.Delay(SimDoorArguments.Settle(board), time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            chip.SetInput(pin, DoorSimulation.ExitButtonLevel(door.Wiring, pressed: false));
        }

        var result = DoorSimulation.StateNode(door);
        result["door"] = door.Id;
        return result;
    }
}
