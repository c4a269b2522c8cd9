using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Occupancy;

/// <summary>The estimator's log lines (cabin ids and counts only; no pass holder).</summary>
internal static partial class OccupancyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cabin {Cabin}: no presence for {EmptyAfter}, count {Count} reset to 0")]
    public static partial void Emptied(ILogger logger, string cabin, int count, TimeSpan emptyAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cabin {Cabin}: welfare check, {Count} inside, no activity for {Seconds} s")]
    public static partial void Welfare(ILogger logger, string cabin, int count, long seconds);
}
