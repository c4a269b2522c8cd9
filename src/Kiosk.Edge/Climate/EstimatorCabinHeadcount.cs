using Kiosk.Edge.Occupancy;

namespace Kiosk.Edge.Climate;

/// <summary>The occupancy feature's fused estimate (beams, presence, openings and exits).</summary>
internal sealed class EstimatorCabinHeadcount(OccupancyEstimator estimator) : CabinHeadcount
{
    public override int PeopleIn(string cabin) => estimator.Count(cabin);
}
