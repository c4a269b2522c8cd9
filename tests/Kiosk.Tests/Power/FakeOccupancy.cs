using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

internal sealed class FakeOccupancy : OccupancySignal
{
    public DateTimeOffset? Since { get; set; }

    public override DateTimeOffset? EmptySince => Since;
}
