using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors.Simulation;

/// <summary>
/// <c>sim.door</c> {action:"open"|"close", door?}: moves the simulated door, i.e. drives its contact
/// line, and answers once the debounced contact has taken the new level.
/// </summary>
internal sealed class SimDoorOperation(Board board, DoorRegistry doors, TimeProvider time) : ControlOperation
{
    public override string Name => "sim.door";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var chip = SimDoorArguments.RequireSimulation(board, Name);
        var action = SimDoorArguments.RequiredString(args, "action", "open", "close");
        var door = SimDoorArguments.Door(args, doors);

        chip.SetInput(door.Wiring.ContactPin, DoorSimulation.ContactLevel(door.Wiring, open: action == "open"));
        await Task.Delay(SimDoorArguments.Settle(board), time, cancellationToken).ConfigureAwait(false);

        var result = DoorSimulation.StateNode(door);
        result["door"] = door.Id;
        return result;
    }
}
