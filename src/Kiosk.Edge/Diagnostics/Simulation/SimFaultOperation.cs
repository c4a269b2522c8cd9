using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Ina219;
using Kiosk.Edge.Hardware.Ina226;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Simulation;

/// <summary>
/// <c>sim.fault</c> {fault, on?, door?}: injects a fault into the simulated kiosk so a crew can
/// practise finding it with kioskctl diag. Simulation only. Faults:
/// <c>contact_stuck</c> (the door's contact line ignores the door), <c>meter_silent</c> (a circuit's
/// I2C meter chip stops answering), <c>rtc_missing</c> (the board has no real-time clock: the clock
/// check warns), <c>list</c> (what is injected).
/// </summary>
internal sealed class SimFaultOperation(Board board, DoorRegistry doors, IOptions<PowerOptions> power, SimulatedI2cBus i2c, SimulatedFaults faults) : ControlOperation
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
            case "meter_silent":
                var circuit = args["circuit"] is { } c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
                SilenceMeter(circuit, on);
                faults.Set($"meter_silent:{circuit}", on);
                break;
            case SimulatedRtc.MissingFault:
                faults.Set(SimulatedRtc.MissingFault, on);
                break;
            default:
                throw new ControlException($"unknown fault '{fault}'; known: contact_stuck (--door D), meter_silent (--circuit C), rtc_missing, list");
        }

        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["active"] = new JsonArray([.. faults.Active.Select(a => (JsonNode)a)]) });
    }

    private void SilenceMeter(string? circuit, bool silent)
    {
        var meters = power.Value.Circuits
            .Where(c => power.Value.Meters.TryGetValue(c.Value.Meter, out var m) && m.Kind is MeterKind.Ina219 or MeterKind.Ina226)
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (circuit is null || !meters.Contains(circuit))
        {
            throw new ControlException($"meter_silent needs --circuit with an I2C meter: {string.Join(", ", meters)}");
        }

        var m = power.Value.Meters[power.Value.Circuits[circuit].Meter];
        switch (i2c.Open(m.Bus, m.Address))
        {
            case SimulatedIna219 ina219:
                ina219.Responding = !silent;
                break;
            case SimulatedIna226 ina226:
                ina226.Responding = !silent;
                break;
            default:
                throw new ControlException($"no simulated meter chip at I2C {m.Bus}/0x{m.Address:X2}");
        }
    }
}
