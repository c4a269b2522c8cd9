using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Diagnostics.Simulation;

/// <summary>
/// <c>sim.fault</c> {fault, on?, door?}: injects a fault into the simulated kiosk so a crew can
/// practise finding it with kioskctl diag. Simulation only. Faults:
/// <c>contact_stuck</c> (the door's contact line ignores the door), <c>list</c> (what is injected).
/// </summary>
internal sealed class SimFaultOperation(Board board, DoorRegistry doors, SimulatedFaults faults) : ControlOperation
{
    public override string Name => "sim.fault";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var chip = board.Simulation ?? throw new ControlException("sim.fault works only on the simulated board (Board:Kind Simulated)");
        var fault = args["fault"] is { } f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : "list";
        var on = args["on"] is not { } o || o.GetValueKind() != JsonValueKind.False;
        switch (fault)
        {
            case "list":
                break;
            case "contact_stuck":
                var door = SimDoorArguments.Door(args, doors);
                chip.Freeze(door.Wiring.ContactPin, on);
                faults.Set($"contact_stuck:{door.Id}", on);
                break;
            default:
                throw new ControlException($"unknown fault '{fault}'; known: contact_stuck (--door D), list");
        }

        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["active"] = new JsonArray([.. faults.Active.Select(a => (JsonNode)a)]) });
    }
}
