using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Power.Simulation;

/// <summary>
/// <c>kioskctl sim load --circuit outlet --watts 2000</c>: plugs a load into a simulated circuit
/// (replacing its script). The meter sees it only while the circuit's relay is on.
/// </summary>
internal sealed class SimLoadOperation(Board board, SimulatedPlant plant) : ControlOperation
{
    public override string Name => "sim.load";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        if (board.Simulation is null)
        {
            throw new ControlException("sim.load needs the simulated board (Board:Kind=Simulated)");
        }

        var circuit = args["circuit"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
        var load = circuit is null ? null : plant.Load(circuit);
        if (load is null)
        {
            throw new ControlException($"sim.load needs --circuit, one of: {string.Join(", ", plant.Circuits.Order(StringComparer.Ordinal))}");
        }

        // Any JSON number (a node built in-process may hold an int), read through its JSON text.
        var watts = args["watts"] is JsonValue w && w.GetValueKind() == JsonValueKind.Number
            ? double.Parse(w.ToJsonString(), CultureInfo.InvariantCulture)
            : double.NaN;
        if (double.IsNaN(watts) || watts < 0 || watts > 100_000)
        {
            throw new ControlException("sim.load needs --watts, a number from 0 to 100000");
        }

        load.Set(watts);
        return ValueTask.FromResult<JsonNode?>(new JsonObject
        {
            ["circuit"] = circuit,
            ["watts"] = watts,
        });
    }
}
