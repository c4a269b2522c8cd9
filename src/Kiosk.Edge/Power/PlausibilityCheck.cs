namespace Kiosk.Edge.Power;

/// <summary>
/// Whether a reading can be believed: a value out of the meter's range is <see cref="MeterFault.OutOfRange"/>;
/// a continuously reporting meter that repeats the same non-zero value for <c>FrozenAfter</c> while
/// its circuit is fed is <see cref="MeterFault.Frozen"/>. Value faults latch while the circuit is off.
/// </summary>
internal sealed class PlausibilityCheck(TimeSpan frozenAfter)
{
    /// <summary>The fault the reading shows, or null; tracks the repeated value on <paramref name="c"/>.</summary>
    /// <param name="watts">The reading, W.</param>
    /// <param name="on">Whether the circuit's relay feeds it.</param>
    public MeterFault? Check(Circuit c, double watts, bool on, DateTimeOffset now)
    {
        if (double.IsNaN(watts) || watts < -c.MeterOptions.NoiseWatts || watts > c.MeterOptions.MaxWatts)
        {
            return MeterFault.OutOfRange;
        }

        // Faults that show in the values can only be re-tested with the circuit fed: while it is off
        // (SafeState Off) a reading of 0 proves nothing, so they latch until an operator's reset.
        if (c.Fault is MeterFault.OutOfRange or MeterFault.Overflow or MeterFault.Frozen && !on)
        {
            return c.Fault;
        }

        if (!c.Meter.ReportsContinuously || !on || watts == 0)
        {
            c.RepeatedValue = null;
            return null;
        }

        if (watts != c.RepeatedValue)
        {
            c.RepeatedValue = watts;
            c.RepeatedSince = now;
            return null;
        }

        // A frozen sensor recovers only when the value moves: while it repeats, RepeatedSince stays
        // where it was when the fault was raised, so this stays true.
        return now - c.RepeatedSince >= frozenAfter ? MeterFault.Frozen : null;
    }
}
