using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// <c>sim.beam {cabin, direction: in|out|abort}</c>: walks a simulated person through a cabin's
/// doorway beams (abort: steps into the outer beam and back).
/// </summary>
internal sealed class SimBeamOperation(SimulatedInputs inputs, IOptions<OccupancyOptions> options) : ControlOperation
{
    public override string Name => "sim.beam";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        inputs.Chip(Name);
        var cabinId = SimArgs.Text(args, "cabin")
            ?? options.Value.Cabins.Where(c => c.Value.BeamAPin.HasValue).Select(c => c.Key).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new ControlException("no cabin has beams configured (Occupancy:Cabins:{id}:BeamAPin/BeamBPin)");
        if (!options.Value.Cabins.TryGetValue(cabinId, out var cabin) || cabin.BeamAPin is not { } a || cabin.BeamBPin is not { } b)
        {
            throw new ControlException($"cabin '{cabinId}' has no beams configured (Occupancy:Cabins:{cabinId}:BeamAPin/BeamBPin)");
        }

        var direction = SimArgs.Text(args, "direction");
        (int Pin, bool Active)[] steps = direction switch
        {
            "in" => [(a, true), (b, true), (a, false), (b, false)],
            "out" => [(b, true), (a, true), (b, false), (a, false)],
            "abort" => [(a, true), (a, false)],
            _ => throw new ControlException("direction must be in, out or abort"),
        };
        foreach (var (pin, active) in steps)
        {
            await inputs.SetAsync(Name, pin, cabin.BeamActiveLevel, active, cancellationToken).ConfigureAwait(false);
        }

        return new JsonObject { ["cabin"] = cabinId, ["direction"] = direction };
    }
}
