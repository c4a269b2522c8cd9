using Kiosk.Contract.Events;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class DoorActivityTests
{
    [Theory]
    [InlineData("scan", true, false)]
    [InlineData("remote", true, false)]
    [InlineData("manual", true, false)]
    [InlineData("exit", false, true)]
    [InlineData("other", false, false)]
    public void From_DoorOpened_EntryByPassRemoteOrManualExitByButton(string via, bool entry, bool exit) =>
        Assert.Equal(new DoorActivity("rest", entry, exit, "w-1"), DoorActivity.From(new DoorOpened("rest", via, "w-1", "worker")));

    [Fact]
    public void From_DoorClosed_ActivityOnly() =>
        Assert.Equal(new DoorActivity("rest", false, false, null), DoorActivity.From(new DoorClosed("rest")));

    [Fact]
    public void From_OtherEventOrNoBody_Null()
    {
        Assert.Null(DoorActivity.From(new DoorForcedOpen("rest")));
        Assert.Null(DoorActivity.From(null));
    }
}
