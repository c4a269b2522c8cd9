using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary><c>sim.presence {cabin, present: bool}</c>: sets a cabin's simulated presence sensor output.</summary>
internal sealed class SimPresenceOperation(SimulatedInputs inputs, IOptions<OccupancyOptions> options) : ControlOperation
{
    public override string Name => "sim.presence";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        inputs.Chip(Name);
        var cabinId = SimArgs.Text(args, "cabin")
            ?? options.Value.Cabins.Where(c => c.Value.PresencePin.HasValue).Select(c => c.Key).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new ControlException("no cabin has a presence sensor configured (Occupancy:Cabins:{id}:PresencePin)");
        if (!options.Value.Cabins.TryGetValue(cabinId, out var cabin) || cabin.PresencePin is not { } pin)
        {
            throw new ControlException($"cabin '{cabinId}' has no presence sensor configured (Occupancy:Cabins:{cabinId}:PresencePin)");
        }

        if (args["present"] is not JsonValue v || !v.TryGetValue<bool>(out var present))
        {
            throw new ControlException("present must be true or false");
        }

        await inputs.SetAsync(Name, pin, cabin.PresenceActiveLevel, present, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["cabin"] = cabinId, ["present"] = present };
    }
}
