using Kiosk.Edge.Messaging.State;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.State;

public sealed class StateCoalescerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void DelayUntilDue_Fresh_DueAtOnce()
    {
        var coalescer = new StateCoalescer(TimeSpan.FromSeconds(1), _time);

        Assert.Equal(TimeSpan.Zero, coalescer.DelayUntilDue());
    }

    [Fact]
    public void DelayUntilDue_BurstRightAfterPublish_OnePublishAfterMinInterval()
    {
        var coalescer = new StateCoalescer(TimeSpan.FromSeconds(1), _time);
        coalescer.BeginPublish();

        for (var i = 0; i < 50; i++)
        {
            coalescer.MarkDirty();
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(500), coalescer.DelayUntilDue());
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, coalescer.DelayUntilDue());
        coalescer.BeginPublish();
        Assert.Null(coalescer.DelayUntilDue());
    }

    [Fact]
    public void DelayUntilDue_NothingChanged_Null()
    {
        var coalescer = new StateCoalescer(TimeSpan.FromSeconds(1), _time);
        coalescer.BeginPublish();
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(coalescer.DelayUntilDue());
    }

    [Fact]
    public void DelayUntilDue_ChangeLongAfterLastPublish_DueAtOnce()
    {
        var coalescer = new StateCoalescer(TimeSpan.FromSeconds(1), _time);
        coalescer.BeginPublish();
        _time.Advance(TimeSpan.FromSeconds(30));
        coalescer.MarkDirty();

        Assert.Equal(TimeSpan.Zero, coalescer.DelayUntilDue());
    }
}
