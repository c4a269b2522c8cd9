using Kiosk.Edge.State;

namespace Kiosk.Edge.Occupancy;

/// <summary>occupancy.{cabin}.count, occupancy.visits.today, occupancy.holders.today.</summary>
internal sealed class OccupancyTelemetry(OccupancyEstimator estimator) : TelemetrySource
{
    public override void Collect(IDictionary<string, double> measurements)
    {
        foreach (var cabin in estimator.CabinIds)
        {
            measurements[$"occupancy.{cabin}.count"] = estimator.Count(cabin);
        }

        measurements["occupancy.visits.today"] = estimator.VisitsToday;
        measurements["occupancy.holders.today"] = estimator.HoldersToday;
    }
}
