using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Climate;

/// <summary>The power guard's latest reading of a circuit (its state entry), ignoring circuits whose meter is faulty.</summary>
internal sealed class GuardCircuitDraw(PowerGuard guard) : CircuitDraw
{
    public override double? Watts(string circuit)
    {
        var state = guard.Describe(circuit);
        if (state is null || state["fault"] is JsonValue f && f.GetValueKind() == JsonValueKind.String)
        {
            return null;
        }

        return state["watts"] is JsonValue w && w.TryGetValue<double>(out var watts) ? watts : null;
    }
}
