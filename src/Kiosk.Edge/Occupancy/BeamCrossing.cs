namespace Kiosk.Edge.Occupancy;

/// <summary>A completed pass through the doorway's two beams.</summary>
internal enum BeamCrossing
{
    In,
    Out,
}
