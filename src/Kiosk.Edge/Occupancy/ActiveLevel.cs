namespace Kiosk.Edge.Occupancy;

/// <summary>The electrical level at which an input means "active" (beam interrupted, motion, button pressed).</summary>
public enum ActiveLevel
{
    High,
    Low,
}
