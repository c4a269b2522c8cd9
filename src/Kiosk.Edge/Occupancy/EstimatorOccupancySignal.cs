using Kiosk.Edge.Power;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Energy saving from the fused occupancy estimate (beams, presence, openings and exits) instead of
/// door events alone: the kiosk is empty from the first moment every cabin's count is zero.
/// </summary>
internal sealed class EstimatorOccupancySignal(OccupancyEstimator occupancy, TimeProvider time) : OccupancySignal
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _emptySince;

    public override DateTimeOffset? EmptySince
    {
        get
        {
            var occupied = occupancy.CabinIds.Any(c => occupancy.Count(c) > 0);
            lock (_gate)
            {
                _emptySince = occupied ? null : _emptySince ?? time.GetUtcNow();
                return _emptySince;
            }
        }
    }
}
