namespace Kiosk.Edge.Power;

/// <summary>
/// Counts a circuit's energy, Wh: from the meter's own counter when it has one (S0 pulses; a counter
/// that goes back, after a meter restart, adds nothing), else by integrating positive power over the
/// sample interval.
/// </summary>
internal static class EnergyCounter
{
    /// <param name="dt">Time since the previous sample (0 for the first).</param>
    public static void Count(Circuit c, MeterReading reading, TimeSpan dt)
    {
        if (reading.WattHours is { } counter)
        {
            if (c.LastCounter is { } previous && counter >= previous)
            {
                c.WattHours += counter - previous;
            }

            c.LastCounter = counter;
        }
        else if (reading.Watts > 0)
        {
            c.WattHours += reading.Watts * dt.TotalHours;
        }
    }
}
