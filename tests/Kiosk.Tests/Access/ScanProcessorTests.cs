using Kiosk.Edge.Access;

namespace Kiosk.Tests.Access;

public sealed class ScanProcessorTests
{
    [Fact]
    public void CollectScanGarbage_Called_RunsAGen0Collection()
    {
        var before = GC.CollectionCount(0);

        ScanProcessor.CollectScanGarbage();

        Assert.True(GC.CollectionCount(0) > before);
    }
}
