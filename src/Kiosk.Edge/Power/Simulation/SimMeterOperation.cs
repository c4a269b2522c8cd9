using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// <c>kioskctl sim meter --circuit aircon --fault frozen</c>: makes a circuit's simulated meter
/// misbehave (no_answer, frozen, out_of_range) or behave again (none), to see the guard's
/// sensor-fault handling. Simulated and INA meters only: an S0 meter has no such failure to play.
/// </summary>
internal sealed class SimMeterOperation(Board board, SimulatedPlant plant) : ControlOperation
{
    public override string Name => "sim.meter";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        if (board.Simulation is null)
        {
            throw new ControlException("sim.meter needs the simulated board (Board:Kind=Simulated)");
        }

        var circuit = Text(args, "circuit");
        var load = circuit is null ? null : plant.Load(circuit);
        if (load is null || circuit is null)
        {
            throw new ControlException($"sim.meter needs --circuit, one of: {string.Join(", ", plant.Circuits.Order(StringComparer.Ordinal))}");
        }

        MeterFault? fault = Text(args, "fault") switch
        {
            "none" => null,
            "no_answer" => MeterFault.NoAnswer,
            "frozen" => MeterFault.Frozen,
            "out_of_range" => MeterFault.OutOfRange,
            _ => throw new ControlException("sim.meter needs --fault none|no_answer|frozen|out_of_range"),
        };

        var chip = plant.ChipResponding.GetValueOrDefault(circuit);
        if (chip is null && !plant.HasSimulatedMeter(circuit))
        {
            throw new ControlException($"sim.meter: circuit '{circuit}' has an S0 meter, which has no such failure to play");
        }

        load.Inject(fault);
        chip?.Invoke(fault != MeterFault.NoAnswer);
        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["circuit"] = circuit, ["fault"] = fault?.ToContract() ?? "none" });
    }

    private static string? Text(JsonObject args, string name) =>
        args[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
