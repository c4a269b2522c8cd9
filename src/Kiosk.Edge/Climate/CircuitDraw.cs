namespace Kiosk.Edge.Climate;

/// <summary>The power a circuit draws now in watts, from the power guard; null when unknown or its meter is faulty.</summary>
internal abstract class CircuitDraw
{
    public abstract double? Watts(string circuit);
}
