using Kiosk.Edge.Power;

namespace Kiosk.Edge.Climate;

/// <summary>The power guard's latest reading of a circuit (its state entry), ignoring circuits whose meter is faulty.</summary>
internal sealed class GuardCircuitDraw(PowerGuard guard) : CircuitDraw
{
    public override double? Watts(string circuit) => guard.Describe(circuit) is { Fault: null } state ? state.Watts : null;
}
