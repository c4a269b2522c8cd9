namespace Kiosk.Edge.Occupancy;

/// <summary>The two beams of a doorway: A on the outside, B on the inside.</summary>
internal enum Beam
{
    A,
    B,
}
