namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Direction of travel from two beams across a doorway (A outside, B inside). A crossing starts
/// when the first beam is interrupted from idle and ends when both are clear again; its direction
/// is decided by the beam that was interrupted first and the beam that cleared last:
/// A first and B last is one person in, B first and A last is one person out, anything else
/// (a step into the doorway and back, a hand waved through one beam) counts nothing.
/// A crossing that takes longer than the timeout (someone standing in the doorway, a bag left in
/// the beam) is void: counting it would be a guess.
/// </summary>
internal sealed class BeamCounter(TimeSpan timeout, TimeProvider time)
{
    private bool _a;
    private bool _b;
    private Beam _first;
    private long _startedAt;

    public bool IsIdle => !_a && !_b;

    /// <summary>
    /// Feeds one (debounced) beam change; returns a crossing when one completed. A repeated level
    /// needs no check of its own: it cannot end a crossing, and one repeated while idle only sets
    /// the start that the next interruption (from idle) sets again.
    /// </summary>
    public BeamCrossing? Update(Beam beam, bool blocked)
    {
        var wasIdle = IsIdle;
        if (beam == Beam.A)
        {
            _a = blocked;
        }
        else
        {
            _b = blocked;
        }

        if (wasIdle)
        {
            _first = beam;
            _startedAt = time.GetTimestamp();
            return null;
        }

        if (!IsIdle || time.GetElapsedTime(_startedAt) > timeout)
        {
            return null;
        }

        return (_first, beam) switch
        {
            (Beam.A, Beam.B) => BeamCrossing.In,
            (Beam.B, Beam.A) => BeamCrossing.Out,
            _ => null,
        };
    }
}
