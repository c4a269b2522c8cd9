namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// The share of a day's visits per local hour: a cleaner who starts at 2 a.m. finishes the first round at about
/// 6 a.m. (fleet README), lunch at noon, a smaller evening bump, a low night floor. Peaks are Gaussians (σ 1 h).
/// </summary>
internal static class VisitProfile
{
    private static readonly (double Hour, double Weight)[] Peaks = [(6, 5), (12, 4), (18, 1.5)];
    private const double Floor = 0.35;
    private static readonly double Total = Integrate();

    /// <summary>Visits per hour at <paramref name="localHour"/> (0 ≤ h &lt; 24, fractional) for <paramref name="visitsPerDay"/>.</summary>
    public static double RatePerHour(double localHour, double visitsPerDay) => visitsPerDay * Density(localHour) / Total;

    private static double Density(double h)
    {
        var d = Floor;
        foreach (var (hour, weight) in Peaks)
        {
            var x = h - hour;
            d += weight * Math.Exp(-0.5 * x * x);
        }

        return d;
    }

    private static double Integrate()
    {
        var sum = 0.0;
        for (var i = 0; i < 24 * 60; i++)
        {
            sum += Density((i + 0.5) / 60.0) / 60.0;
        }

        return sum;
    }
}
