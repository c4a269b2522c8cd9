using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Edge.Intercom;

/// <summary><c>sim.help {cabin?}</c>: presses and releases the simulated call button.</summary>
internal sealed class SimHelpOperation(SimulatedInputs inputs, IntercomOptions options, CallButton button) : ControlOperation
{
    public override string Name => "sim.help";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        inputs.Chip(Name);
        GC.KeepAlive(button);
        if (options.CallButtonPin is not { } pin)
        {
            throw new ControlException("no call button configured (Intercom:CallButtonPin)");
        }

        if (SimArgs.Text(args, "cabin") is { } cabin && cabin != options.Cabin)
        {
            throw new ControlException($"the call button is in cabin '{options.Cabin ?? "(none)"}', not '{cabin}'");
        }

        await inputs.SetAsync(Name, pin, options.CallButtonActiveLevel, true, cancellationToken).ConfigureAwait(false);
        await inputs.SetAsync(Name, pin, options.CallButtonActiveLevel, false, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["pressed"] = true, ["cabin"] = options.Cabin };
    }
}
